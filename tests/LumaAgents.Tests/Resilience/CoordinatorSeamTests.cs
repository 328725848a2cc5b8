using LumaAgents.Testing;
using LumaAgents.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LumaAgents.Tests.Resilience;

/// <summary>How a client hands itself to a shared coordinator, and the in-process pieces shared ones fall back to.</summary>
public sealed class CoordinatorSeamTests
{
    [Fact]
    public async Task A_client_attaches_to_its_coordinator_once_with_a_hash_of_its_account_never_the_key()
    {
        var time = new ManualTimeProvider();
        var coordinator = new AttachRecorder();
        await using var sim = await Simulated.StartAsync(
            server: o => o.TimeProvider = time,
            client: o => { o.TimeProvider = time; o.MaxConcurrentJobs = 3; o.Coordinator = coordinator; });

        await sim.Client.Generations.CreateAsync(GenerationRequest.Image("fox"));

        var context = Assert.Single(coordinator.Attached);
        Assert.Matches("^[0-9a-f]{32}$", context.AccountId);
        Assert.DoesNotContain(sim.Server.ApiKey, context.AccountId, StringComparison.Ordinal);
        Assert.Equal(LumaCoordinationContext.AccountIdOf(sim.Server.ApiKey, sim.Server.BaseUrl), context.AccountId);
        Assert.Equal(3, context.MaxConcurrentJobs);
        Assert.Same(time, context.TimeProvider);
        Assert.Equal(1, coordinator.Admitted);
    }

    [Fact]
    public void The_account_id_differs_by_key_and_by_api()
    {
        var production = new Uri("https://agents.lumalabs.ai/v1/");
        var a = LumaCoordinationContext.AccountIdOf("luma-api-a", production);

        Assert.Equal(a, LumaCoordinationContext.AccountIdOf("luma-api-a", production));
        Assert.NotEqual(a, LumaCoordinationContext.AccountIdOf("luma-api-b", production));
        Assert.NotEqual(a, LumaCoordinationContext.AccountIdOf("luma-api-a", new Uri("http://127.0.0.1:5000/v1/")));
    }

    [Fact]
    public async Task A_capped_local_gate_holds_at_its_share_although_the_server_reports_more()
    {
        var time = new ManualTimeProvider();
        var gate = new RateLimitGate(time, NullLogger.Instance, limitCap: 2);
        var reported = new RateLimitInfo(30, 29, time.GetUtcNow().AddSeconds(60));

        for (var i = 0; i < 2; i++)
        {
            await (await gate.AdmitAsync(TimeSpan.FromMinutes(1), CancellationToken.None)).CompleteAsync(new CreateOutcome(201, reported, null, RateLimitKind.Unknown, "g" + i));
        }

        var held = await Assert.ThrowsAsync<LumaRateLimitException>(async () => await gate.AdmitAsync(TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.InRange(held.RetryAfter!.Value, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(61));
    }

    [Fact]
    public void The_local_coordinator_refuses_a_cap_that_is_not_positive()
    {
        var context = new LumaCoordinationContext("account", null, TimeProvider.System, NullLogger.Instance);

        Assert.Throws<ArgumentOutOfRangeException>(() => context.CreateLocalCoordinator(0, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.CreateLocalCoordinator(null, -1));
        Assert.NotNull(context.CreateLocalCoordinator(10, 2));
    }

    /// <summary>Records each attach and decides through the local coordinator it is handed.</summary>
    private sealed class AttachRecorder : ILumaCoordinator
    {
        private ILumaCoordinator? _local;

        public List<LumaCoordinationContext> Attached { get; } = [];

        public int Admitted { get; private set; }

        public ILumaCoordinator ForClient(LumaCoordinationContext client)
        {
            Attached.Add(client);
            _local = client.CreateLocalCoordinator(null, client.MaxConcurrentJobs);
            return this;
        }

        public ValueTask<ICreateAdmission> AdmitCreateAsync(TimeSpan maxWait, CancellationToken cancellationToken = default)
        {
            Admitted++;
            return _local!.AdmitCreateAsync(maxWait, cancellationToken);
        }

        public ValueTask<IJobSlot> AcquireJobSlotAsync(CancellationToken cancellationToken = default) => _local!.AcquireJobSlotAsync(cancellationToken);

        public ValueTask ObserveGenerationAsync(string generationId, GenerationState? state, CancellationToken cancellationToken = default)
            => _local!.ObserveGenerationAsync(generationId, state, cancellationToken);
    }
}
