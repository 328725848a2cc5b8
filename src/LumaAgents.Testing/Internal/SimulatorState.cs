namespace LumaAgents.Testing.Internal;

/// <summary>What the route handlers share: the server's clock, its generations, and where its output URLs point.</summary>
internal sealed class SimulatorState(FakeLumaServerOptions options)
{
    public TimeProvider Time { get; } = options.TimeProvider;

    public GenerationStore Generations { get; } = new();

    public FileStore Files { get; } = new();

    public PresignedUrls OutputUrls { get; } = new(options.OutputUrlLifetime);

    public OutputFile ImageFile { get; } = OutputFile.Png(options.OutputSizeBytes);

    public OutputFile VideoFile { get; } = OutputFile.Mp4(options.OutputSizeBytes);

    /// <summary>The scheme, host and port output URLs point to; set once Kestrel has bound its port.</summary>
    public string Origin { get; set; } = "http://127.0.0.1";
}
