using System.Net;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Validation;

/// <summary>
/// The SDK's validator and the simulator's are two independent readings of the reference (§2); neither is the
/// referee, so they are held to each other (issue 11). Every case of <see cref="RequestCases"/> is sent, unvalidated,
/// to one simulator, and the verdicts must match: the SDK refuses a request exactly when the simulator answers 400,
/// 413 or 422, and where the SDK names a path the simulator names it too. Deliberate differences are listed below,
/// each with its reason; a listed case that stops disagreeing fails, so the list cannot go stale.
/// </summary>
public sealed class ValidatorAgreementTests(ValidatorAgreementTests.Simulator simulator) : IClassFixture<ValidatorAgreementTests.Simulator>
{
    /// <summary>Cases where the verdicts differ on purpose.</summary>
    private static readonly Dictionary<string, string> DeliberateDifferences = new()
    {
        // The SDK leaves values it does not know to the server (a newer API may accept them, and the SDK must not
        // block what it cannot judge); the simulator plays today's API, which refuses them.
        ["unknown model and type are the server's call"] = "unknown values",

        // Only the server knows which generations exist: the simulator answers 422 for an id it never made.
        ["video frames"] = "referenced generation unknown to the simulator",

        // NaN cannot be written as JSON at all, so such a request never reaches a server; the SDK's validator is what
        // catches it (with a path), and unvalidated it fails to serialize (a LumaValidationException at "$").
        ["NaN offset"] = "not expressible in JSON",
        ["sparsity NaN"] = "not expressible in JSON",
    };

    public static TheoryData<string> ValidNames => Names(RequestCases.Valid);

    public static TheoryData<string> InvalidNames => Names(RequestCases.Invalid);

    [Theory]
    [MemberData(nameof(ValidNames))]
    public async Task A_request_the_sdk_accepts_is_accepted_by_the_simulator(string name)
    {
        var request = (GenerationRequest)RequestCases.Valid.Single(row => (string)row[0] == name)[1];
        Assert.Empty(request.Validate());

        var answer = await SendAsync(request);

        AssertAgreement(name, sdkRejects: false, answer);
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public async Task A_request_the_sdk_refuses_is_refused_by_the_simulator_at_the_same_path(string name)
    {
        var row = RequestCases.Invalid.Single(r => (string)r[0] == name);
        var request = (GenerationRequest)row[1];
        var path = (string)row[2];
        Assert.Contains(request.Validate(), e => e.Path == path);

        var answer = await SendAsync(request);

        AssertAgreement(name, sdkRejects: true, answer);
        if (!DeliberateDifferences.ContainsKey(name) && answer.Paths.Count > 0)
        {
            Assert.True(
                answer.Paths.Contains(path),
                $"{name}: the SDK names '{path}', the simulator answered {answer.Status}: {answer.Detail}");
        }
    }

    [Fact]
    public void Every_deliberate_difference_names_a_case()
    {
        var names = ValidNames.Concat<object[]>(InvalidNames).Select(row => (string)row[0]).ToHashSet();

        Assert.All(DeliberateDifferences.Keys, name => Assert.Contains(name, names));
    }

    private static void AssertAgreement(string name, bool sdkRejects, Answer answer)
    {
        var simulatorRejects = answer.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity;
        var agree = sdkRejects == simulatorRejects && answer.Status is HttpStatusCode.Created or HttpStatusCode.BadRequest
            or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity;
        if (DeliberateDifferences.TryGetValue(name, out var why))
        {
            Assert.False(agree, $"{name}: listed as a deliberate difference ({why}) but the SDK and the simulator now agree; remove it from the list.");
        }
        else
        {
            Assert.True(
                agree,
                $"{name}: the SDK {(sdkRejects ? "refuses" : "accepts")} it, the simulator answered {(int)answer.Status}: {answer.Detail}");
        }
    }

    private async Task<Answer> SendAsync(GenerationRequest request)
    {
        try
        {
            await simulator.Client.Generations.CreateAsync(request);
            return new Answer(HttpStatusCode.Created, null);
        }
        catch (LumaApiException error)
        {
            return new Answer(error.StatusCode, error.Detail);
        }
        catch (LumaValidationException error)
        {
            // With validation off this is only the request that cannot be written as JSON: nothing was sent (status 0
            // agrees with no verdict).
            return new Answer(0, error.Message);
        }
    }

    private static TheoryData<string> Names(IEnumerable<object[]> rows)
    {
        var names = new TheoryData<string>();
        foreach (var row in rows)
        {
            names.Add((string)row[0]);
        }

        return names;
    }

    /// <summary>The simulator's answer: its status and the JSON paths its detail names (<c>path: message; …</c>).</summary>
    private sealed record Answer(HttpStatusCode Status, string? Detail)
    {
        public IReadOnlyCollection<string> Paths { get; } = (Detail ?? string.Empty)
            .Split("; ")
            .Select(problem => problem.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0 ? problem[..colon] : null)
            .OfType<string>()
            .ToHashSet();
    }

    /// <summary>One simulator and one unvalidating client for the whole class.</summary>
    public sealed class Simulator : IAsyncLifetime
    {
        private Simulated? _simulated;

        public LumaClient Client => _simulated!.Client;

        public async Task InitializeAsync()
        {
            _simulated = await Simulated.StartAsync(client: options =>
            {
                options.ValidateRequests = false;
                options.Retry.MaxRetries = 0;
            });
            _simulated.Server.SeedFile(id: RequestCases.ReadyFileId);
        }

        public async Task DisposeAsync()
        {
            if (_simulated is not null)
            {
                await _simulated.DisposeAsync();
            }
        }
    }
}
