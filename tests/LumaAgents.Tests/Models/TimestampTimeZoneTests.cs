using LumaAgents.Serialization;
using LumaAgents.Tests.Hosting;
using LumaAgents.Tests.Support;

namespace LumaAgents.Tests.Models;

/// <summary>
/// A timestamp without an offset is the API's UTC, not the reader's local time (issue 10, finding 9). Run in a
/// non-UTC local zone, apart from the other tests, because CI machines are usually on UTC where the mistake is invisible.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class TimestampTimeZoneTests
{
    [Fact]
    public void A_timestamp_without_offset_is_utc_even_when_local_time_is_not()
    {
        try
        {
            using var zone = new EnvironmentVariable("TZ", "Asia/Tokyo");
            TimeZoneInfo.ClearCachedData();
            Assert.Equal(TimeSpan.FromHours(9), TimeZoneInfo.Local.BaseUtcOffset);

            var generation = LumaJson.DeserializeGeneration("""{"id":"g","created_at":"2026-04-08T12:00:00"}""");
            var spaced = LumaJson.DeserializeGeneration("""{"id":"g","created_at":"2026-04-08 12:00:00.5"}""");

            Assert.Equal(TimeSpan.Zero, generation.CreatedAt!.Value.Offset);
            Assert.Equal(new DateTimeOffset(2026, 4, 8, 12, 0, 0, TimeSpan.Zero), generation.CreatedAt);
            Assert.Equal(TimeSpan.Zero, spaced.CreatedAt!.Value.Offset);
        }
        finally
        {
            // After the variable is restored, so the next reader of local time sees the machine's own zone again.
            TimeZoneInfo.ClearCachedData();
        }
    }
}
