namespace LumaAgents.Serialization;

/// <summary>
/// Implemented (explicitly) by every extensible enum so that one generic converter serves them all without
/// reflection. Instance members rather than static abstract ones, because netstandard2.0 has no static abstracts.
/// </summary>
internal interface IExtensibleEnum<T>
    where T : struct
{
    /// <summary>The known values, so the converter can return them without allocating a string.</summary>
    IReadOnlyList<T> KnownValues { get; }

    string Value { get; }

    T FromWire(string value);
}
