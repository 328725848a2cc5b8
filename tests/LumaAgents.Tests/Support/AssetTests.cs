using System.Reflection;
using System.Runtime.Versioning;

namespace LumaAgents.Tests.Support;

/// <summary>Guards the two-asset setup: each test project must really exercise the build it claims to.</summary>
public sealed class AssetTests
{
    [Fact]
    public void The_sdk_assembly_under_test_is_the_expected_target_framework()
    {
        var framework = typeof(LumaClient).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
#if NETSTANDARD_ASSET
        Assert.StartsWith(".NETStandard,Version=v2.0", framework);
#else
        Assert.StartsWith(".NETCoreApp,Version=v10.0", framework);
#endif
    }
}
