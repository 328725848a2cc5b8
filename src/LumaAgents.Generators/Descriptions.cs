using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LumaAgents.Generators;

// The generator's pipeline values: plain data with value equality, so an edit elsewhere in the SDK does not
// regenerate the enums (no symbols or syntax nodes are kept, which would defeat the incremental cache).

/// <summary>One extensible enum: where it lives, its known values, and what is wrong with its declaration.</summary>
internal sealed record EnumDescription(
    string? Namespace, string Name, EquatableArray<ValueDescription> Values, EquatableArray<ProblemDescription> Problems);

/// <summary>A known value: the property's name and its wire string.</summary>
internal sealed record ValueDescription(string Name, string Wire);

/// <summary>A declaration the generator cannot work from, reported as LUMAGEN001.</summary>
internal sealed record ProblemDescription(string Message, LocationInfo? Location);

/// <summary>A source location without the syntax tree (trees are not equatable across runs).</summary>
internal sealed record LocationInfo(string Path, TextSpan Span, LinePositionSpan Lines)
{
    public static LocationInfo? From(Location location)
        => location.SourceTree is null ? null : new(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => Location.Create(Path, Span, Lines);
}

/// <summary>An immutable array compared by its items.</summary>
internal readonly struct EquatableArray<T>(ImmutableArray<T> items) : IEquatable<EquatableArray<T>>, IEnumerable<T>
    where T : IEquatable<T>
{
    private readonly ImmutableArray<T> _items = items;

    public int Length => _items.IsDefault ? 0 : _items.Length;

    public T this[int index] => _items[index];

    public bool Equals(EquatableArray<T> other)
    {
        if (Length != other.Length)
        {
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            if (!_items[i].Equals(other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 17;
        for (var i = 0; i < Length; i++)
        {
            hash = (hash * 31) + _items[i].GetHashCode();
        }

        return hash;
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items.IsDefault ? ImmutableArray<T>.Empty : _items)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
