using System.Reflection;
using System.Xml.Linq;

namespace LumaAgents.Tests.Conventions;

/// <summary>
/// Every public type and member carries XML docs with a real summary, read from the documentation file the build puts
/// next to the assembly (the one NuGet users see in IntelliSense). The compiler's CS1591 only says a comment exists;
/// this also rejects empty summaries.
/// </summary>
public sealed class XmlDocumentationTests
{
    [Theory]
    [MemberData(nameof(ApiConventionTests.PackagedAssemblies), MemberType = typeof(ApiConventionTests))]
    public void Every_public_type_and_member_has_an_xml_summary(string assemblyName)
    {
        var assembly = ApiConventionTests.Load(assemblyName);
        var documented = ReadSummaries(assembly);

        var missing = new List<string>();
        foreach (var type in PublicApi.VisibleTypes(assembly))
        {
            Check(DocumentationIds.Of(type));
            // The compiler writes no docs for members it generated itself, such as a record's equality.
            foreach (var member in PublicApi.VisibleMembers(type).Where(m => !PublicApi.IsCompilerGenerated(m) && !IsImplicitDefaultConstructor(m)))
            {
                Check(DocumentationIds.Of(member));
            }
        }

        Assert.True(missing.Count == 0, $"Public API of {assemblyName} without an XML summary (or <inheritdoc/>):\n" + string.Join("\n", missing));

        void Check(string id)
        {
            if (!documented.Contains(id))
            {
                missing.Add(id);
            }
        }
    }

    /// <summary>
    /// The parameterless constructor the compiler adds when a class declares none: it has no source to document, and
    /// the compiler writes no docs for it. (An explicit undocumented constructor is already a CS1591 build error.)
    /// </summary>
    private static bool IsImplicitDefaultConstructor(MemberInfo member)
        => member is ConstructorInfo constructor && constructor.GetParameters().Length == 0
           && constructor.DeclaringType!.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
               .All(other => other == constructor || IsRecordCopyConstructor(other));

    private static bool IsRecordCopyConstructor(ConstructorInfo constructor)
        => PublicApi.IsRecord(constructor.DeclaringType!)
           && constructor.GetParameters() is [var original] && original.ParameterType == constructor.DeclaringType;

    private static HashSet<string> ReadSummaries(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        Assert.True(File.Exists(path), $"No XML documentation file at {path}; GenerateDocumentationFile must stay on for {assembly.GetName().Name}.");

        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Element("inheritdoc") is not null || !string.IsNullOrWhiteSpace(m.Element("summary")?.Value))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);
    }
}
