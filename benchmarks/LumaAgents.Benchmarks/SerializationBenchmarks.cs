using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LumaAgents.Serialization;

namespace LumaAgents.Benchmarks;

/// <summary>
/// The SDK's source-generated JSON against reflection-based System.Text.Json with the same settings, on the bodies
/// the SDK writes and reads. UTF-8 bytes in and out, as the pipeline does. Each category's baseline is the reflection path.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SerializationBenchmarks
{
    private readonly GenerationRequest _videoEdit = Payloads.VideoEditRequest;
    private readonly GenerationRequest _image = Payloads.ImageRequest;
    private readonly byte[] _completed = Payloads.CompletedBody;
    private readonly byte[] _failed = Payloads.FailedBody;

    /// <summary>Refuses to measure two paths that do not produce the same result.</summary>
    [GlobalSetup]
    public void CheckBothPathsAgree()
    {
        BenchmarkChecks.Valid(_videoEdit, "video_edit request");
        BenchmarkChecks.Valid(_image, "image request");
        Same(SerializeVideoEditSourceGenerated(), SerializeVideoEditReflection(), "video_edit request");
        Same(FirstSerializeSourceGenerated(), FirstSerializeReflection(), "video_edit request with fresh options");
        Same(SerializeImageSourceGenerated(), SerializeImageReflection(), "image request");
        BenchmarkChecks.SameGeneration(DeserializeCompletedSourceGenerated(), DeserializeCompletedReflection(), "completed generation");
        BenchmarkChecks.SameGeneration(DeserializeFailedSourceGenerated(), DeserializeFailedReflection(), "failed generation");
    }

    /// <summary>
    /// The first serialization with new options: what a process pays once per options instance before the steady state
    /// above (metadata built again; the JIT and the runtime's emitted accessors are already warm, so it is a lower bound).
    /// </summary>
    [BenchmarkCategory("First use, fresh options"), Benchmark(Baseline = true)]
    public byte[] FirstSerializeReflection() => JsonSerializer.SerializeToUtf8Bytes(_videoEdit, ReflectionJson.CreateOptions());

    [BenchmarkCategory("First use, fresh options"), Benchmark]
    public byte[] FirstSerializeSourceGenerated()
        => JsonSerializer.SerializeToUtf8Bytes(_videoEdit, new LumaJsonContext(new JsonSerializerOptions(LumaJsonContext.Default.Options)).GenerationRequest);

    [BenchmarkCategory("Serialize video_edit"), Benchmark(Baseline = true)]
    public byte[] SerializeVideoEditReflection() => JsonSerializer.SerializeToUtf8Bytes(_videoEdit, ReflectionJson.Options);

    [BenchmarkCategory("Serialize video_edit"), Benchmark]
    public byte[] SerializeVideoEditSourceGenerated() => JsonSerializer.SerializeToUtf8Bytes(_videoEdit, LumaJsonContext.Default.GenerationRequest);

    [BenchmarkCategory("Serialize image"), Benchmark(Baseline = true)]
    public byte[] SerializeImageReflection() => JsonSerializer.SerializeToUtf8Bytes(_image, ReflectionJson.Options);

    [BenchmarkCategory("Serialize image"), Benchmark]
    public byte[] SerializeImageSourceGenerated() => JsonSerializer.SerializeToUtf8Bytes(_image, LumaJsonContext.Default.GenerationRequest);

    [BenchmarkCategory("Deserialize completed"), Benchmark(Baseline = true)]
    public Generation? DeserializeCompletedReflection() => JsonSerializer.Deserialize<Generation>(_completed, ReflectionJson.Options);

    [BenchmarkCategory("Deserialize completed"), Benchmark]
    public Generation? DeserializeCompletedSourceGenerated() => JsonSerializer.Deserialize(_completed, LumaJsonContext.Default.Generation);

    [BenchmarkCategory("Deserialize failed"), Benchmark(Baseline = true)]
    public Generation? DeserializeFailedReflection() => JsonSerializer.Deserialize<Generation>(_failed, ReflectionJson.Options);

    [BenchmarkCategory("Deserialize failed"), Benchmark]
    public Generation? DeserializeFailedSourceGenerated() => JsonSerializer.Deserialize(_failed, LumaJsonContext.Default.Generation);

    private static void Same(byte[] sourceGenerated, byte[] reflection, string what)
    {
        if (!sourceGenerated.AsSpan().SequenceEqual(reflection))
        {
            throw new InvalidOperationException($"The two serializers disagree on the {what}; the comparison would be unfair.");
        }
    }
}
