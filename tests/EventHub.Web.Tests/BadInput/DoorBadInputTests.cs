using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Door;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Web.Tests.BadInput;

/// <summary>
/// The door: whatever a scanner or a steward types (10 KB, SQL, LIKE wildcards, other scripts) gets an answer, never an
/// error; a name typed as it is written is found in any script; walk-ins with bad input are refused with nothing written.
/// </summary>
public sealed class DoorBadInputTests(BadInputApp fixture) : IClassFixture<BadInputApp>
{
    private Task<Guid> ApprovedAsync(Guid eventId, string name) => fixture.RegistrationAsync(eventId, RegistrationStatus.Approved, name);

    private Task<int> CheckInsAsync(Guid eventId) => fixture.WithDbAsync(db => db.CheckIns.CountAsync(c => c.EventId == eventId));

    public static TheoryData<string> Scanned => new()
    {
        new string('A', 10 * 1024), "' OR '1'='1' --", "%", "_", "%%%%", "\\", "<script>alert(1)</script>", "漢字🙂", "\0", "\u202Egnp.exe",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", new string('é', 43), "https://evil.example/?pass=1",
    };

    [Theory]
    [MemberData(nameof(Scanned))]
    public async Task Whatever_is_scanned_is_not_on_the_list_and_admits_nobody(string scanned)
    {
        var eventId = await fixture.NewEventAsync();
        await ApprovedAsync(eventId, "Ana Lima");

        var outcome = await fixture.RunAsync<CheckInPass, Outcome<DoorAnswer>>(u => u.ExecuteAsync(fixture.Organiser, eventId, scanned, scanned));

        Assert.True(outcome.Succeeded);
        Assert.Equal(DoorVerdict.NotOnList, outcome.Value!.Verdict);
        Assert.Equal(0, await CheckInsAsync(eventId));
    }

    [Theory]
    [MemberData(nameof(Scanned))]
    public async Task Whatever_is_typed_into_the_search_finds_nobody_by_accident_and_raises_no_error(string query)
    {
        var eventId = await fixture.NewEventAsync();
        await ApprovedAsync(eventId, "Ana Lima");

        var outcome = await fixture.RunAsync<SearchDoorList, Outcome<IReadOnlyList<DoorSearchHit>>>(u => u.ExecuteAsync(fixture.Organiser, eventId, query, everyone: true));

        if (outcome.Succeeded)
        {
            Assert.Empty(outcome.Value!);
        }
        else
        {
            Assert.Contains(outcome.Errors["query"], m => m.Length is > 0 and < 200);
        }
    }

    [Fact]
    public async Task A_100_KB_search_is_refused_with_its_limit()
    {
        var eventId = await fixture.NewEventAsync();

        var outcome = await fixture.RunAsync<SearchDoorList, Outcome<IReadOnlyList<DoorSearchHit>>>(u => u.ExecuteAsync(fixture.Organiser, eventId, BadInputApp.Long));

        Assert.Contains(outcome.Errors["query"], m => m.Contains("at most 200 characters"));
    }

    [Theory]
    [InlineData("نور الهدى عبد الله", "الهدى")]
    [InlineData("王小明", "小明")]
    [InlineData("Αλέξανδρος Παπαδόπουλος", "Παπαδόπουλος")]
    [InlineData("Αλέξανδρος Παπαδόπουλος", "Αλέξ")]
    [InlineData("Zoe\u0308 Mu\u0308ller", "Zoe\u0308")]
    [InlineData("Zo\u00eb M\u00fcller", "M\u00fcller")]
    [InlineData("O'Brien \"the younger\" & sons", "O'Brien")]
    [InlineData("100% Smith_Jones", "100% Smith_")]
    public async Task A_name_typed_as_it_is_written_is_found_in_any_script(string name, string typed)
    {
        var eventId = await fixture.NewEventAsync();
        var id = await ApprovedAsync(eventId, name);
        await ApprovedAsync(eventId, "Someone Else");

        var outcome = await fixture.RunAsync<SearchDoorList, Outcome<IReadOnlyList<DoorSearchHit>>>(u => u.ExecuteAsync(fixture.Organiser, eventId, typed));

        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        var hit = Assert.Single(outcome.Value!);
        Assert.Equal((id, name), (hit.RegistrationId, hit.Name));
    }

    [Theory]
    [InlineData(nameof(OverrideForm.Name), "at most 300 characters")]
    [InlineData(nameof(OverrideForm.OrganisationName), "at most 300 characters")]
    [InlineData(nameof(OverrideForm.Reason), "at most 1,000 characters")]
    public async Task A_100_KB_walk_in_field_is_refused_with_its_limit_and_admits_nobody(string field, string message)
    {
        var eventId = await fixture.NewEventAsync();
        var form = new OverrideForm { Name = "Jonas Berg", OrganisationName = "NATO", Reason = "Speaker's assistant." };
        typeof(OverrideForm).GetProperty(field)!.SetValue(form, BadInputApp.Long);

        var outcome = await fixture.RunAsync<AdmitWithOverride, Outcome<DoorAnswer>>(u => u.ExecuteAsync(fixture.Organiser, eventId, form, "door 1"));

        Assert.Contains(outcome.Errors[field], m => m.Contains(message));
        Assert.Equal(0, await CheckInsAsync(eventId));
    }

    [Theory]
    [MemberData(nameof(BadInputApp.Names), MemberType = typeof(BadInputApp))]
    public async Task A_walk_in_named_in_any_script_is_admitted_under_that_exact_name(string name)
    {
        var eventId = await fixture.NewEventAsync();

        var outcome = await fixture.RunAsync<AdmitWithOverride, Outcome<DoorAnswer>>(u => u.ExecuteAsync(fixture.Organiser, eventId,
            new OverrideForm { Name = name, OrganisationName = name, Reason = name }, new string('d', 10 * 1024)));

        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        Assert.Equal(name, outcome.Value!.Name, StringComparer.Ordinal);
        var stored = await fixture.WithDbAsync(db => db.CheckIns.AsNoTracking().SingleAsync(c => c.EventId == eventId));
        Assert.Equal((name, name, name), (stored.Name, stored.OrganisationName, stored.Reason));
        Assert.True(stored.Device!.Length <= 100, "a 10 KB device name is cut to its column");
    }
}
