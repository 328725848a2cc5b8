using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LumaAgents.Generators;

/// <summary>
/// Writes everything an extensible enum needs but its documented values: for a
/// <c>[ExtensibleEnum] readonly partial struct</c> whose known values are declared as
/// <c>[WireValue("queued")] public static partial T Queued { get; }</c>, it emits the storage of those values (all in
/// one file, so they initialize in declaration order before <c>KnownValues</c>), the constructor, <c>Value</c>,
/// <c>IsKnown</c>, <c>KnownValues</c>, the implicit conversion from string, ordinal equality and the debugger display,
/// each with its XML docs. Written once here instead of some seventy lines per enum by hand. The declaration keeps
/// its summary, its values' docs and its <c>[JsonConverter]</c> (which System.Text.Json's generator must see).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ExtensibleEnumGenerator : IIncrementalGenerator
{
    private const string EnumAttribute = "LumaAgents.Serialization.ExtensibleEnumAttribute";
    private const string WireValueAttribute = "LumaAgents.Serialization.WireValueAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var enums = context.SyntaxProvider.ForAttributeWithMetadataName(
            EnumAttribute,
            static (node, _) => node is StructDeclarationSyntax,
            static (attributed, cancellationToken) => Describe(attributed, cancellationToken));

        context.RegisterSourceOutput(enums, static (output, description) =>
        {
            foreach (var problem in description.Problems)
            {
                output.ReportDiagnostic(Diagnostic.Create(Problem, problem.Location?.ToLocation(), description.Name, problem.Message));
            }

            if (description.Problems.Length == 0)
            {
                output.AddSource(description.Name + ".ExtensibleEnum.g.cs", SourceText.From(Emit(description), Encoding.UTF8));
            }
        });
    }

    private static readonly DiagnosticDescriptor Problem = new(
        "LUMAGEN001",
        "Extensible enum cannot be generated",
        "Extensible enum {0}: {1}",
        "LumaAgents.Generators",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    private static EnumDescription Describe(GeneratorAttributeSyntaxContext attributed, CancellationToken cancellationToken)
    {
        var symbol = (INamedTypeSymbol)attributed.TargetSymbol;
        var declaration = (StructDeclarationSyntax)attributed.TargetNode;
        var problems = ImmutableArray.CreateBuilder<ProblemDescription>();
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword) || !declaration.Modifiers.Any(SyntaxKind.ReadOnlyKeyword))
        {
            problems.Add(new("it must be declared 'readonly partial struct'", LocationInfo.From(declaration.Identifier.GetLocation())));
        }

        // The JSON converter must be in the hand-written declaration: source generators do not see each other's output,
        // so System.Text.Json's would not find an attribute written here and would serialize the enum as an object.
        var hasConverter = symbol.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonConverterAttribute"
            && a.ConstructorArguments.FirstOrDefault().Value is INamedTypeSymbol converter
            && converter.OriginalDefinition.ToDisplayString() == "LumaAgents.Serialization.ExtensibleEnumConverter<T>"
            && SymbolEqualityComparer.Default.Equals(converter.TypeArguments[0], symbol));
        if (!hasConverter)
        {
            problems.Add(new($"it must carry [JsonConverter(typeof(ExtensibleEnumConverter<{symbol.Name}>))] itself", LocationInfo.From(declaration.Identifier.GetLocation())));
        }

        var values = ImmutableArray.CreateBuilder<ValueDescription>();
        foreach (var property in declaration.Members.OfType<PropertyDeclarationSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attributed.SemanticModel.GetDeclaredSymbol(property, cancellationToken) is not { } propertySymbol)
            {
                continue;
            }

            var wire = propertySymbol.GetAttributes()
                .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == WireValueAttribute)?
                .ConstructorArguments.FirstOrDefault().Value as string;
            if (wire is null)
            {
                continue;
            }

            var isPartialStatic = property.Modifiers.Any(SyntaxKind.PartialKeyword) && property.Modifiers.Any(SyntaxKind.StaticKeyword);
            if (!isPartialStatic || !SymbolEqualityComparer.Default.Equals(propertySymbol.Type, symbol))
            {
                problems.Add(new($"[WireValue] property '{property.Identifier.Text}' must be 'public static partial {symbol.Name} {property.Identifier.Text} {{ get; }}'", LocationInfo.From(property.Identifier.GetLocation())));
                continue;
            }

            values.Add(new(property.Identifier.Text, wire));
        }

        if (values.Count == 0)
        {
            problems.Add(new("it declares no [WireValue] properties", LocationInfo.From(declaration.Identifier.GetLocation())));
        }

        var ns = symbol.ContainingNamespace.IsGlobalNamespace ? null : symbol.ContainingNamespace.ToDisplayString();
        return new(ns, symbol.Name, new EquatableArray<ValueDescription>(values.ToImmutable()), new EquatableArray<ProblemDescription>(problems.ToImmutable()));
    }

    private static string Emit(EnumDescription e)
    {
        var t = e.Name;
        var s = new StringBuilder();
        s.AppendLine("// <auto-generated/> by LumaAgents.Generators.ExtensibleEnumGenerator from the [WireValue] properties of " + t + ".");
        s.AppendLine("#nullable enable");
        if (e.Namespace is not null)
        {
            s.AppendLine("namespace " + e.Namespace + ";");
        }

        s.AppendLine();
        s.AppendLine("/// <remarks>");
        s.AppendLine("/// An extensible enum: any string converts to it, values this SDK version does not know are kept and sent back");
        s.AppendLine("/// unchanged, and <see cref=\"IsKnown\"/> tells the two apart. Comparison is ordinal, as on the wire. The");
        s.AppendLine("/// <c>default</c> value is unset: its <see cref=\"Value\"/> is empty, and JSON <c>null</c> reads as it.");
        s.AppendLine("/// </remarks>");
        s.AppendLine("[global::System.Diagnostics.DebuggerDisplay(\"{Value,nq}\")]");
        s.AppendLine($"readonly partial struct {t} : global::System.IEquatable<{t}>, global::LumaAgents.Serialization.IExtensibleEnum<{t}>");
        s.AppendLine("{");
        foreach (var v in e.Values)
        {
            s.AppendLine($"    private static readonly {t} s_{v.Name} = new({Literal(v.Wire)});");
        }

        s.AppendLine();
        s.AppendLine("    private readonly string? _value;");
        s.AppendLine();
        s.AppendLine("    /// <summary>Creates a value from its wire string, known or not.</summary>");
        s.AppendLine($"    /// <param name=\"value\">The wire string, for example <c>{Xml(e.Values[0].Wire)}</c>.</param>");
        s.AppendLine("    /// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
        s.AppendLine($"    public {t}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        foreach (var v in e.Values)
        {
            s.AppendLine();
            s.AppendLine($"    public static partial {t} {v.Name} => s_{v.Name};");
        }

        s.AppendLine();
        s.AppendLine("    /// <summary>Every value this version of the SDK knows.</summary>");
        s.AppendLine($"    public static global::System.Collections.Generic.IReadOnlyList<{t}> KnownValues {{ get; }} = [{string.Join(", ", e.Values.Select(v => "s_" + v.Name))}];");
        s.AppendLine();
        s.AppendLine("    /// <summary>The wire string (empty for the unset <c>default</c> value).</summary>");
        s.AppendLine("    public string Value => _value ?? string.Empty;");
        s.AppendLine();
        s.AppendLine("    /// <summary>Whether this version of the SDK knows the value.</summary>");
        s.AppendLine($"    public bool IsKnown => _value is {string.Join(" or ", e.Values.Select(v => Literal(v.Wire)))};");
        s.AppendLine();
        s.AppendLine($"    global::System.Collections.Generic.IReadOnlyList<{t}> global::LumaAgents.Serialization.IExtensibleEnum<{t}>.KnownValues => KnownValues;");
        s.AppendLine();
        s.AppendLine($"    bool global::LumaAgents.Serialization.IExtensibleEnum<{t}>.HasValue => _value is not null;");
        s.AppendLine();
        s.AppendLine("    /// <summary>Converts a wire string.</summary>");
        s.AppendLine("    /// <param name=\"value\">The wire string.</param>");
        s.AppendLine($"    public static implicit operator {t}(string value) => new(value);");
        s.AppendLine();
        s.AppendLine("    /// <summary>Compares two values ordinally.</summary>");
        s.AppendLine("    /// <param name=\"left\">The first value.</param>");
        s.AppendLine("    /// <param name=\"right\">The second value.</param>");
        s.AppendLine($"    public static bool operator ==({t} left, {t} right) => left.Equals(right);");
        s.AppendLine();
        s.AppendLine("    /// <summary>Compares two values ordinally.</summary>");
        s.AppendLine("    /// <param name=\"left\">The first value.</param>");
        s.AppendLine("    /// <param name=\"right\">The second value.</param>");
        s.AppendLine($"    public static bool operator !=({t} left, {t} right) => !left.Equals(right);");
        s.AppendLine();
        s.AppendLine("    /// <inheritdoc/>");
        s.AppendLine($"    public bool Equals({t} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        s.AppendLine();
        s.AppendLine("    /// <inheritdoc/>");
        s.AppendLine($"    public override bool Equals(object? obj) => obj is {t} other && Equals(other);");
        s.AppendLine();
        s.AppendLine("    /// <inheritdoc/>");
        s.AppendLine("    public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        s.AppendLine();
        s.AppendLine("    /// <summary>Returns the wire string.</summary>");
        s.AppendLine("    public override string ToString() => Value;");
        s.AppendLine();
        s.AppendLine($"    {t} global::LumaAgents.Serialization.IExtensibleEnum<{t}>.FromWire(string value) => new(value);");
        s.AppendLine("}");
        return s.ToString();
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Xml(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
