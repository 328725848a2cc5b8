// Compiler support types that netstandard2.0 lacks (init accessors of the core's exception types).
#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
#endif
