using System.Globalization;
using Spectre.Console;

namespace LumaAgents.Cli.Output;

/// <summary>
/// Shows a wait as it happens, on standard error so standard output stays a clean result: a live spinner with the
/// state and the elapsed time when standard error is a terminal, plain <c>generation &lt;id&gt;: &lt;state&gt;</c> lines
/// otherwise. <see cref="Notices"/> (a created id, a rate-limit wait) print above the spinner and stay on the screen.
/// With <c>--format jsonl</c> each state change also goes to standard output as a JSON line.
/// </summary>
internal sealed class ProgressDisplay
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly CliEnvironment _environment;
    private readonly OutputWriter _output;
    private readonly Notices _notices;

    public ProgressDisplay(CliEnvironment environment, OutputWriter output, Notices notices)
    {
        _environment = environment;
        _output = output;
        _notices = notices;
    }

    /// <summary>Whether the live display is used (standard error is a terminal).</summary>
    public bool IsLive => _environment.IsErrorTerminal;

    public async Task<T> RunAsync<T>(string initialStatus, Func<IWaitReporter, Task<T>> work)
    {
        var started = _environment.TimeProvider.GetTimestamp();
        TimeSpan Elapsed() => _environment.TimeProvider.GetElapsedTime(started);
        if (!IsLive)
        {
            return await work(new PlainReporter(_environment.Error, _output, Elapsed)).ConfigureAwait(false);
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
        using (_notices.Attach(console))
        {
            var result = await console.Status()
                .Spinner(Spinner.Known.Dots)
                .StartAsync(Markup.Escape(initialStatus), async context =>
                {
                    reporter = new LiveReporter(context, _output, Elapsed, initialStatus);
                    void OnNotice(string line) => reporter.Phase(line);
                    _notices.Wrote += OnNotice;
                    using var ticks = new CancellationTokenSource();
                    var clock = reporter.TickAsync(_environment.TimeProvider, Tick, ticks.Token);
                    try
                    {
                        return await work(reporter).ConfigureAwait(false);
                    }
                    finally
                    {
                        _notices.Wrote -= OnNotice;
                        await ticks.CancelAsync().ConfigureAwait(false);
                        await clock.ConfigureAwait(false);
                    }
                })
                .ConfigureAwait(false);
            if (reporter?.Last is { } last)
            {
                // The spinner disappears when it stops; leave one line saying how the wait ended.
                _notices.Write(PlainReporter.Line(last, Elapsed()));
            }

            return result;
        }
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private sealed class PlainReporter : IWaitReporter
    {
        private readonly TextWriter _error;
        private readonly OutputWriter _output;
        private readonly Func<TimeSpan> _elapsed;

        public PlainReporter(TextWriter error, OutputWriter output, Func<TimeSpan> elapsed)
        {
            _error = error;
            _output = output;
            _elapsed = elapsed;
        }

        public static string Line(Generation generation, TimeSpan elapsed)
            => $"generation {generation.Id}: {generation.State.Value} ({Seconds(elapsed)} s)";

        public void Report(Generation generation)
        {
            _error.WriteLine(Line(generation, _elapsed()));
            _output.WriteProgress(GenerationDocument.From(generation));
        }

        public void Status(string text) => _error.WriteLine(text);
    }

    private sealed class LiveReporter : IWaitReporter
    {
        private readonly StatusContext _context;
        private readonly OutputWriter _output;
        private readonly Func<TimeSpan> _elapsed;
        private readonly object _gate = new();
        private string _phase;

        public LiveReporter(StatusContext context, OutputWriter output, Func<TimeSpan> elapsed, string initialStatus)
        {
            _context = context;
            _output = output;
            _elapsed = elapsed;
            _phase = Markup.Escape(initialStatus);
        }

        public Generation? Last { get; private set; }

        public void Report(Generation generation)
        {
            Last = generation;
            var color = generation.IsFailed ? "red" : generation.IsCompleted ? "green" : "yellow";
            Phase($"[{color}]{Markup.Escape(generation.State.Value)}[/] generation {Markup.Escape(generation.Id)}", escaped: true);
            _output.WriteProgress(GenerationDocument.From(generation));
        }

        public void Status(string text) => Phase(text);

        public void Phase(string text, bool escaped = false)
        {
            lock (_gate)
            {
                _phase = escaped ? text : Markup.Escape(text);
                Show();
            }
        }

        /// <summary>Redraws the status each second so the elapsed time moves even while the SDK sleeps.</summary>
        public async Task TickAsync(TimeProvider time, TimeSpan period, CancellationToken cancellationToken)
        {
            using var timer = new PeriodicTimer(period, time);
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    lock (_gate)
                    {
                        Show();
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The wait ended.
            }
        }

        private void Show()
        {
            _context.Status($"{_phase} [grey]({Seconds(_elapsed())} s)[/]");
            _context.Refresh();
        }
    }
}
