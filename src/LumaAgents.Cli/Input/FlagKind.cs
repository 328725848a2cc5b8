namespace LumaAgents.Cli.Input;

/// <summary>How a request flag's text becomes JSON.</summary>
internal enum FlagKind
{
    /// <summary>A string; <c>@file</c> embeds the file (text inline, binary as base64).</summary>
    Text,

    /// <summary>A string from an extensible enum: known values complete, unknown ones are sent as given.</summary>
    Enum,

    /// <summary><c>true</c> or <c>false</c>; the bare flag means true.</summary>
    Bool,

    /// <summary>A number.</summary>
    Number,

    /// <summary>Whole numbers, repeatable and comma-separated (<c>0,60,120</c>).</summary>
    IntegerList,

    /// <summary>One input in the image-reference syntax (see <see cref="ImageRefSyntax"/>).</summary>
    ImageRef,

    /// <summary>Inputs in the image-reference syntax, one per repetition of the flag.</summary>
    ImageRefList,

    /// <summary>
    /// One member of the entries of a list of inputs (<c>--image-ref.url</c>, repeatable); repetitions fill the
    /// entries in command-line order.
    /// </summary>
    ImageRefListMember,

    /// <summary>A JSON or YAML object, inline or <c>@file</c>, merged key by key.</summary>
    Object,

    /// <summary><c>x,y,w,h</c> (normalized), or a JSON object.</summary>
    SourcePosition,
}
