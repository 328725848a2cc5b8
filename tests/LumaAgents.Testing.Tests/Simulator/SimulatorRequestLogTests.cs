using System.Collections.Concurrent;
using LumaAgents.Testing;
using Microsoft.Extensions.Logging;
using static LumaAgents.Testing.Tests.Simulator.SimulatorHttp;

namespace LumaAgents.Testing.Tests.Simulator;

public sealed class SimulatorRequestLogTests
{
    [Fact]
    public async Task Every_request_logs_one_line_with_method_path_outcome_and_duration_and_never_the_query()
    {
        var clock = new ManualTimeProvider(Start);
        using var factory = new CapturingLoggerFactory();
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { TimeProvider = clock, LoggerFactory = factory, QueuedFor = TimeSpan.Zero, ProcessingFor = TimeSpan.Zero });
        using HttpClient api = Client(server);
        server.Faults.Add(FakeRoute.Create, FakeFault.Delay(TimeSpan.FromSeconds(30)));
        server.Faults.Add(FakeRoute.Get, FakeFault.DropConnection());

        Task<HttpResponseMessage> delayed = CreateAsync(api);
        await clock.WaitForTimersAsync();
        clock.Advance(TimeSpan.FromSeconds(30));
        using HttpResponseMessage created = await delayed;
        string id = server.Generations[0].Id;
        await Assert.ThrowsAsync<HttpRequestException>(() => api.GetAsync($"generations/{id}"));
        await AnonymousClient().GetByteArrayAsync(await SimulatorDownloadTests.OutputUrlAsync(api, id));

        // A request's line is written after its answer was sent: wait (bounded) until every request has ended on the server.
        Assert.True(SpinWait.SpinUntil(() => server.Requests.All(r => r.Duration is not null), TimeSpan.FromSeconds(30)));
        string[] lines = factory.Lines("LumaAgents.Testing.FakeLumaServer");

        // Sorted, for the same reason: a request's line may follow the next request's first line.
        string[] expected =
        [
            "Scripted fault Delay 00:00:30 applied to POST /v1/generations",
            "POST /v1/generations answered 201 in 30000 ms",
            "Scripted fault DropConnection applied to GET /v1/generations/" + id,
            "GET /v1/generations/" + id + " connection dropped after 0 ms",
            "GET /v1/generations/" + id + " answered 200 in 0 ms",
            "GET /outputs/" + id + "/0.png answered 200 in 0 ms",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
        Assert.Equal(TimeSpan.FromSeconds(30), server.Requests[0].Duration);
        Assert.All(server.Requests, r => Assert.NotNull(r.Duration));
    }

    [Fact]
    public async Task A_fail_rate_selector_fails_the_same_share_of_generations_on_every_run()
    {
        Func<FakeGenerationContext, FakeOutcome?> selector = FakeOutcome.FailingAtRate(0.5, seed: 7, failureCode: "rate_limited");
        await using var first = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { OutcomeSelector = selector });
        await using var second = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { OutcomeSelector = FakeOutcome.FailingAtRate(0.5, seed: 7, failureCode: "rate_limited") });
        await using var none = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { OutcomeSelector = FakeOutcome.FailingAtRate(0) });
        await using var all = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { OutcomeSelector = FakeOutcome.FailingAtRate(1) });
        foreach (FakeLumaServer server in (FakeLumaServer[])[first, second, none, all])
        {
            using HttpClient api = Client(server);
            for (int i = 0; i < 40; i++)
            {
                await CreateGenerationAsync(api);
            }
        }

        int[] failed = [.. first.Generations.Where(g => g.Outcome.FailureCode == "rate_limited").Select(g => g.SequenceNumber)];
        Assert.InRange(failed.Length, 10, 30);
        Assert.Equal(failed, second.Generations.Where(g => g.Outcome.FailureCode == "rate_limited").Select(g => g.SequenceNumber));
        Assert.DoesNotContain(none.Generations, g => g.Outcome.FinalState == "failed");
        Assert.All(all.Generations, g => Assert.Equal("generation_failed", g.Outcome.FailureCode));
        Assert.Throws<ArgumentOutOfRangeException>(() => FakeOutcome.FailingAtRate(1.5));
    }

    private sealed class CapturingLoggerFactory : ILoggerFactory
    {
        private readonly ConcurrentQueue<(string Category, string Message)> _entries = new();

        public string[] Lines(string category) =>
            [.. _entries.Where(e => e.Category == category).Select(e => e.Message)];

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    entries.Enqueue((category, formatter(state, exception)));
                }
            }
        }
    }
}
