using System.Threading.Channels;

namespace LumaAgents.Samples.Worker;

/// <summary>The prompts to process. A channel, so a real app could keep feeding it (from a message queue, say).</summary>
public sealed class PromptQueue
{
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>();

    /// <summary>The reading end.</summary>
    public ChannelReader<string> Reader => _channel.Reader;

    /// <summary>A queue filled from the options' file (or the defaults) and then closed.</summary>
    /// <param name="options">The worker options.</param>
    /// <param name="defaults">Prompts to use without a file.</param>
    public static PromptQueue From(WorkerOptions options, IEnumerable<string> defaults)
    {
        var queue = new PromptQueue();
        var prompts = options.PromptsFile is null ? defaults : File.ReadLines(options.PromptsFile);
        foreach (var prompt in prompts.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            queue._channel.Writer.TryWrite(prompt);
        }

        queue._channel.Writer.Complete();
        return queue;
    }
}
