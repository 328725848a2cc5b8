using System.Diagnostics;

namespace LumaAgents.Serialization;

/// <summary>
/// Marks a <c>readonly partial struct</c> as an extensible enum whose boilerplate <c>LumaAgents.Generators</c> writes
/// at compile time from its <see cref="WireValueAttribute"/> properties. Compile-time only (not kept in the assembly).
/// </summary>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
[Conditional("LUMAAGENTS_GENERATOR_ATTRIBUTES")]
internal sealed class ExtensibleEnumAttribute : Attribute
{
}
