using System.Reflection;
using LumaAgents.Testing;

namespace LumaAgents.Tests.Conventions;

/// <summary>
/// The shape rules of ARCHITECTURE.md §2, checked over everything public so a new member cannot quietly break them:
/// async naming and cancellation, mockable clients, sealed models.
/// </summary>
public sealed class ApiConventionTests
{
    /// <summary>The shipped assemblies: the SDK and the simulator package.</summary>
    public static TheoryData<string> PackagedAssemblies => new() { "LumaAgents", "LumaAgents.Testing" };

    [Theory]
    [MemberData(nameof(PackagedAssemblies))]
    public void Public_async_methods_end_in_Async_and_take_a_defaulted_cancellation_token_last(string assemblyName)
    {
        var problems = new List<string>();
        foreach (var method in PublicMethods(Load(assemblyName)).Where(m => PublicApi.IsAwaitable(m.ReturnType)))
        {
            // IAsyncDisposable fixes DisposeAsync's shape: no token.
            if (method.Name == nameof(IAsyncDisposable.DisposeAsync) && method.GetParameters().Length == 0)
            {
                continue;
            }

            if (!method.Name.EndsWith("Async", StringComparison.Ordinal))
            {
                problems.Add($"{Describe(method)}: returns {method.ReturnType.Name} but its name does not end in Async");
            }

            var last = method.GetParameters().LastOrDefault();
            if (last is null || last.ParameterType != typeof(CancellationToken) || last.Name != "cancellationToken")
            {
                problems.Add($"{Describe(method)}: the last parameter is not 'CancellationToken cancellationToken'");
            }
            else if (!last.HasDefaultValue)
            {
                problems.Add($"{Describe(method)}: 'cancellationToken' has no default (= default)");
            }

            if (method.GetParameters().Count(p => p.ParameterType == typeof(CancellationToken)) > 1)
            {
                problems.Add($"{Describe(method)}: takes more than one CancellationToken");
            }
        }

        Assert.True(problems.Count == 0, "Async convention broken:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(PackagedAssemblies))]
    public void Only_methods_that_return_an_awaitable_end_in_Async(string assemblyName)
    {
        var misnamed = PublicMethods(Load(assemblyName))
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && !PublicApi.IsAwaitable(m.ReturnType))
            .Select(m => $"{Describe(m)} returns {m.ReturnType.Name}")
            .ToList();

        Assert.True(misnamed.Count == 0, "Named Async but not awaitable:\n" + string.Join("\n", misnamed));
    }

    [Fact]
    public void Public_service_methods_on_clients_are_virtual_so_they_can_be_mocked()
    {
        var clients = PublicApi.VisibleTypes(typeof(LumaClient).Assembly)
            .Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(typeof(GenerationsClient), clients);

        var problems = new List<string>();
        foreach (var client in clients)
        {
            if (client.IsSealed)
            {
                problems.Add($"{client.Name} is sealed");
            }

            var methods = PublicApi.VisibleMembers(client).OfType<MethodInfo>()
                .Where(m => m.IsPublic && !m.IsStatic && !m.IsSpecialName && !PublicApi.IsCompilerGenerated(m))
                .Where(m => m.GetBaseDefinition().DeclaringType != typeof(object))

                // Dispose() follows the dispose pattern: it is final and calls the virtual Dispose(bool).
                .Where(m => !(m.Name == nameof(IDisposable.Dispose) && m.GetParameters().Length == 0));
            problems.AddRange(methods.Where(m => !m.IsVirtual || m.IsFinal).Select(m => $"{Describe(m)} is not virtual"));
        }

        Assert.True(problems.Count == 0, "Clients must be mockable:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Records_in_the_LumaAgents_namespace_are_sealed()
    {
        var records = PublicApi.VisibleTypes(typeof(LumaClient).Assembly)
            .Where(t => t.Namespace == "LumaAgents" && t.IsClass && PublicApi.IsRecord(t))
            .ToList();
        Assert.Contains(typeof(Generation), records);

        var unsealed = records.Where(t => !t.IsSealed).Select(t => t.FullName).ToList();

        Assert.True(unsealed.Count == 0, "Model records must be sealed:\n" + string.Join("\n", unsealed));
    }

    internal static Assembly Load(string assemblyName) => assemblyName switch
    {
        "LumaAgents" => typeof(LumaClient).Assembly,
        "LumaAgents.Testing" => typeof(FakeLumaServer).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(assemblyName), assemblyName, null),
    };

    private static IEnumerable<MethodInfo> PublicMethods(Assembly assembly)
        => PublicApi.VisibleTypes(assembly)
            .SelectMany(PublicApi.VisibleMembers)
            .OfType<MethodInfo>()
            .Where(m => !m.IsSpecialName && !PublicApi.IsCompilerGenerated(m));

    private static string Describe(MethodInfo method)
        => $"{method.DeclaringType!.FullName}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";
}
