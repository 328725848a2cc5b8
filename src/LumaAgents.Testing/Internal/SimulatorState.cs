using System.Collections.Concurrent;

namespace LumaAgents.Testing.Internal;

/// <summary>What the route handlers share: the server's clock, its generations, and where its output URLs point.</summary>
internal sealed class SimulatorState(FakeLumaServerOptions options)
{
    public TimeProvider Time { get; } = options.TimeProvider;

    public GenerationStore Generations { get; } = new();

    public FileStore Files { get; } = new();

    public PresignedUrls OutputUrls { get; } = new(options.OutputUrlLifetime);

    private readonly ConcurrentDictionary<(uint Seed, int Width, int Height), OutputFile> _images = new();
    private readonly int _outputSizeBytes = options.OutputSizeBytes;

    public const string ImageExtension = "png";

    public OutputFile VideoFile { get; } = OutputFile.Mp4(options.OutputSizeBytes);

    /// <summary>
    /// The image for one output of a generation, drawn on first use and shared by every generation with the same
    /// prompt, shape and index (tests tend to repeat prompts; the cache is dropped when it grows past a few hundred).
    /// </summary>
    public OutputFile Image(StoredGeneration generation, int index)
    {
        (int width, int height) = PngImage.Size(generation.AspectRatio);
        var key = (PngImage.Seed(generation.Prompt, index), width, height);
        if (_images.TryGetValue(key, out OutputFile? cached))
        {
            return cached;
        }

        if (_images.Count > 256)
        {
            _images.Clear();
        }

        return _images.GetOrAdd(key, k => OutputFile.Png(PngImage.RenderWithoutEnd(k.Width, k.Height, k.Seed), _outputSizeBytes));
    }

    /// <summary>The scheme, host and port output URLs point to; set once Kestrel has bound its port.</summary>
    public string Origin { get; set; } = "http://127.0.0.1";
}
