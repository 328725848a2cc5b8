using System.Diagnostics;

namespace LumaAgents.Serialization;

/// <summary>
/// The wire string of one known value of an extensible enum, on its <c>public static partial</c> property; the
/// generator stores the value and lists it in <c>KnownValues</c> in declaration order. Compile-time only.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
[Conditional("LUMAAGENTS_GENERATOR_ATTRIBUTES")]
internal sealed class WireValueAttribute(string value) : Attribute
{
    /// <summary>The wire string.</summary>
    public string Value { get; } = value;
}
