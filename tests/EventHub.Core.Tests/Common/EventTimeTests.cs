using EventHub.Core.Common;

namespace EventHub.Core.Tests.Common;

public sealed class EventTimeTests
{
    [Fact]
    public void Converts_wall_clock_time_in_the_events_zone_across_daylight_saving()
    {
        // Brussels: UTC+2 in summer, UTC+1 in winter.
        Assert.Equal(new DateTime(2022, 6, 29, 8, 0, 0, DateTimeKind.Utc), EventTime.ToUtc(new DateTime(2022, 6, 29, 10, 0, 0), "Europe/Brussels"));
        Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), EventTime.ToUtc(new DateTime(2026, 12, 1, 10, 0, 0), "Europe/Brussels"));
        Assert.Equal("CEST", EventTime.Abbreviation(new DateTime(2022, 6, 29, 8, 0, 0, DateTimeKind.Utc), "Europe/Brussels"));
        Assert.Equal("CET", EventTime.Abbreviation(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), "Europe/Brussels"));
        Assert.Equal("Wednesday 29 June 2022, 10:00 CEST", EventTime.Format(new DateTime(2022, 6, 29, 8, 0, 0, DateTimeKind.Utc), "Europe/Brussels"));
    }

    [Fact]
    public void A_time_the_clocks_skip_does_not_exist()
    {
        Assert.Null(EventTime.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), "Europe/Brussels"));
    }

    [Fact]
    public void Only_iana_zones_are_known()
    {
        Assert.True(EventTime.IsKnownZone("Europe/Brussels"));
        Assert.True(EventTime.IsKnownZone("America/New_York"));
        Assert.False(EventTime.IsKnownZone("Mars/Olympus_Mons"));
        Assert.False(EventTime.IsKnownZone(""));
    }

    [Fact]
    public void Relative_times_read_naturally()
    {
        var now = new DateTime(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal("in 3 days", EventTime.Relative(now.AddDays(3).AddHours(2), now));
        Assert.Equal("2 hours ago", EventTime.Relative(now.AddHours(-2), now));
        Assert.Equal("in 1 minute", EventTime.Relative(now.AddSeconds(90), now));
    }
}
