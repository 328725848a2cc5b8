using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace LumaAgents.Cli.Output;

/// <summary>
/// Shows a wait as it happens, on standard error so standard output stays a clean result: a live spinner with
/// the state when standard error is a terminal, plain <c>generation &lt;id&gt;: &lt;state&gt;</c> lines otherwise.
/// With <c>--format jsonl</c> each state change also goes to standard output as a JSON line.
/// </summary>
internal sealed class ProgressDisplay
{
    private readonly CliEnvironment _environment;
    private readonly OutputWriter _output;

    public ProgressDisplay(CliEnvironment environment, OutputWriter output)
    {
        _environment = environment;
        _output = output;
    }

    /// <summary>Whether the live display is used (standard error is a terminal).</summary>
    public bool IsLive => _environment.IsErrorTerminal;

    public async Task<T> RunAsync<T>(string initialStatus, Func<IWaitReporter, Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        if (!IsLive)
        {
            return await work(new PlainReporter(_environment.Error, _output, watch)).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_environment.Error),
            Ansi = AnsiSupport.Yes,
            ColorSystem = _environment.GetVariable("NO_COLOR") is null ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            // The default enrichers read the process's CI variables; the tool reads only its CliEnvironment.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = _environment.TerminalWidth ?? 100;
        LiveReporter? reporter = null;
        var result = await console.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync(Markup.Escape(initialStatus), async context =>
            {
                reporter = new LiveReporter(context, _output, watch);
                return await work(reporter).ConfigureAwait(false);
            })
            .ConfigureAwait(false);
        if (reporter?.Last is { } last)
        {
            // The spinner disappears when it stops; leave one line saying how the wait ended.
            _environment.Error.WriteLine(PlainReporter.Line(last, watch));
        }

        return result;
    }

    private sealed class PlainReporter : IWaitReporter
    {
        private readonly TextWriter _error;
        private readonly OutputWriter _output;
        private readonly Stopwatch _watch;

        public PlainReporter(TextWriter error, OutputWriter output, Stopwatch watch)
        {
            _error = error;
            _output = output;
            _watch = watch;
        }

        public static string Line(Generation generation, Stopwatch watch)
            => $"generation {generation.Id}: {generation.State.Value} ({watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)";

        public void Report(Generation generation)
        {
            _error.WriteLine(Line(generation, _watch));
            _output.WriteProgress(GenerationDocument.From(generation));
        }

        public void Status(string text) => _error.WriteLine(text);
    }

    private sealed class LiveReporter : IWaitReporter
    {
        private readonly StatusContext _context;
        private readonly OutputWriter _output;
        private readonly Stopwatch _watch;

        public LiveReporter(StatusContext context, OutputWriter output, Stopwatch watch)
        {
            _context = context;
            _output = output;
            _watch = watch;
        }

        public Generation? Last { get; private set; }

        public void Report(Generation generation)
        {
            Last = generation;
            var color = generation.IsFailed ? "red" : generation.IsCompleted ? "green" : "yellow";
            _context.Status($"[{color}]{Markup.Escape(generation.State.Value)}[/] generation {Markup.Escape(generation.Id)}");
            _context.Refresh();
            _output.WriteProgress(GenerationDocument.From(generation));
        }

        public void Status(string text)
        {
            _context.Status(Markup.Escape(text));
            _context.Refresh();
        }
    }
}
