using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Common;

public sealed class ViewerTimeZoneTests
{
    [Fact]
    public async Task A_staff_member_reads_times_in_their_chosen_zone_else_the_installations_and_an_unknown_zone_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = CoreTestHost.Create(database, new Dictionary<string, string?> { ["App:TimeZone"] = "Europe/Warsaw" });
        ApplicationUserPrincipal clara;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            clara = new((await TestUsers.CreateStaffAsync(db, "clara@kas.example", null)).Principal);
        }

        await using var scope = host.Scope();
        var zones = scope.ServiceProvider.GetRequiredService<ViewerTimeZone>();
        var before = await zones.ForAsync(clara.Principal);
        var unknown = await zones.SetAsync(clara.Principal, "Europe/Atlantis");
        var afterUnknown = await zones.ForAsync(clara.Principal);
        var set = await zones.SetAsync(clara.Principal, "America/New_York");
        var after = await zones.ForAsync(clara.Principal);
        await zones.SetAsync(clara.Principal, "");

        Assert.Equal("Europe/Warsaw", before);
        Assert.False(unknown);
        Assert.Equal("Europe/Warsaw", afterUnknown);
        Assert.True(set);
        Assert.Equal("America/New_York", after);
        Assert.Equal("Europe/Warsaw", await zones.ForAsync(clara.Principal));
    }

    [Fact]
    public void The_zone_list_offers_geographic_zones_with_abbreviation_and_offset_and_its_search_narrows_it()
    {
        var winter = new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);
        var all = TimeZoneChoices.All(winter);

        Assert.Contains(all, z => z.Id == "Europe/Brussels" && z.Label == "Europe/Brussels · CET, UTC+01:00");
        Assert.Contains(all, z => z.Id == "Asia/Kolkata" && z.Label.EndsWith("UTC+05:30", StringComparison.Ordinal));
        Assert.DoesNotContain(all, z => z.Id is "CET" or "US/Eastern" or "Etc/GMT+5");
        Assert.Equal(["Europe/Lisbon"], TimeZoneChoices.Matching(all, "lisb").Select(z => z.Id));
        Assert.Contains("Europe/Brussels", TimeZoneChoices.Matching(all, "cet brus").Select(z => z.Id));
        Assert.Empty(TimeZoneChoices.Matching(all, "Atlantis"));
    }

    private sealed record ApplicationUserPrincipal(System.Security.Claims.ClaimsPrincipal Principal);
}
