using System.Net;
using System.Text;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Resilience;

public sealed class AttemptDisposalTests
{
    [Fact]
    public async Task The_responses_of_failed_attempts_are_disposed()
    {
        var contents = new List<TrackedContent>();
        var handler = new StubHandler((_, attempt) =>
        {
            var content = new TrackedContent(attempt < 3 ? """{"detail":"busy"}""" : Samples.Completed);
            lock (contents)
            {
                contents.Add(content);
            }

            return new HttpResponseMessage(attempt < 3 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK) { Content = content };
        });
        using var client = TestClients.WithHandler(handler, o => { o.Retry.MaxRetries = 2; o.Retry.BaseDelay = TimeSpan.Zero; });

        await client.Generations.GetAsync("g1");

        Assert.Equal(3, contents.Count);
        Assert.True(contents[0].Disposed);
        Assert.True(contents[1].Disposed);
        Assert.True(contents[2].Disposed, "the final response is disposed once its body has been read");
    }

    private sealed class TrackedContent(string body) : StringContent(body, Encoding.UTF8, "application/json")
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
