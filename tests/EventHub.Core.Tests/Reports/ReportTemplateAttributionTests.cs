using EventHub.Core.Attribution;
using EventHub.Core.Data;
using EventHub.Core.Features.Reports;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Reports;

/// <summary>The report template passes its own non-attribution check and states the real number of approved attendees.</summary>
public sealed class ReportTemplateAttributionTests
{
    private const string DemoHost = "MEP Michael Gahler (DE), EPP Group Coordinator for Foreign Affairs";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_template_for_an_event_hosted_like_the_demo_passes_its_own_check(bool hostOnRecord)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host, title: "China's and Russia's Security Engagement in Central Asia");
        await s.UpdateEventAsync(e => e.HostName = DemoHost);
        await s.AddRegistrationAsync("Ada Novak", "ada@think.example", "Central Asia Institute", status: RegistrationStatus.Approved);
        await s.AddRegistrationAsync("Bruno Affairs", "bruno@osce.example", "OSCE", status: RegistrationStatus.Approved);
        await s.AddRegistrationAsync("Cleo Coordinator", "cleo@eeas.example", "European External Action Service", status: RegistrationStatus.Approved);
        await s.AddRegistrationAsync("Dan Pending", "dan@think.example", "Carnegie Europe");
        if (hostOnRecord)
        {
            await s.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<EventHubDbContext>();
                db.OnRecordConsents.Add(new OnRecordConsent
                {
                    Id = Guid.NewGuid(), EventId = s.EventId, Name = "Michael Gahler", Scope = ConsentScope.NameAndAffiliation, Status = ConsentStatus.Confirmed,
                    CreatedAtUtc = host.Clock.GetUtcNow().UtcDateTime,
                });
                await db.SaveChangesAsync();
                return 0;
            });
        }

        var draft = (await s.InScopeAsync(sp => sp.GetRequiredService<OpenReport>().ExecuteAsync(s.Organiser, s.EventId))).Value!;
        var context = (await s.InScopeAsync(sp => sp.GetRequiredService<BuildAttributionContext>().ExecuteAsync(s.Organiser, s.EventId))).Value!;
        var findings = AttributionChecker.Check(draft.Markdown, context);

        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.Kind} '{f.Text}' -> {f.PointsTo}")) + "\n" + draft.Markdown);
        Assert.Contains("It brought together 3 experts from the think tank sector.", draft.Markdown);
        Assert.Contains(hostOnRecord ? $"hosted by {DemoHost}." : "hosted by _the host (name them only with their recorded consent)_.", draft.Markdown);
        // The host's position is split off the name: "Affairs" is not a name, and "Michael Gahler" is who the host is.
        Assert.Contains(context.Participants, p => p.Role == ParticipantRole.Host && p.Name == "Michael Gahler" && p.Country == "DE");
    }

    public static TheoryData<int, int, bool> Events() => new()
    {
        { 0, 0, false }, { 1, 1, false }, { 2, 1, true }, { 5, 3, false }, { 39, 9, true },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void The_template_for_any_event_passes_its_own_check(int approved, int sectors, bool hostOnRecord)
    {
        var e = new Event
        {
            Title = "Water, Energy and Security in the South Caucasus",
            City = "Tbilisi",
            TimeZoneId = "Asia/Tbilisi",
            StartsAtUtc = new DateTime(2026, 5, 12, 8, 0, 0, DateTimeKind.Utc),
            HostName = "H.E. Ambassador Nino Beridze (GE), Head of the Mission of Georgia to the EU",
            Organisation = new Organisation { Name = "Friedrich-Ebert-Stiftung", Acronym = "FES" },
        };
        var people = Enumerable.Range(0, approved)
            .Select(i => new AttributionParticipant($"Person{(char)('A' + i % 26)} Number{i}", i % 2 == 0 ? "Caucasus Policy Forum" : "World Bank", i % 3 == 0 ? "Analyst" : "Officer", ParticipantRole.Attendee, "Georgia"))
            .Append(new AttributionParticipant(e.HostName, "Mission of Georgia to the European Union", null, ParticipantRole.Host))
            .Append(new AttributionParticipant("Katrin Vogel", "Friedrich-Ebert-Stiftung", "Head of Office", ParticipantRole.Team))
            .ToList();
        var onRecord = hostOnRecord ? new List<OnRecordPermission> { new("Nino Beridze", ConsentScope.NameAndAffiliation, []) } : [];
        var context = new AttributionContext(people, [new AttributionOrganisation("World Bank", null, []), new AttributionOrganisation("Friedrich-Ebert-Stiftung", "FES", [])], onRecord);
        var facts = new ReportTemplate.Facts(e, ["Caucasus Policy Forum"], approved, Enum.GetValues<Sector>().Take(sectors).ToList(), ["The Middle Corridor"], [], hostOnRecord ? ConsentScope.NameAndAffiliation : null);

        var markdown = ReportTemplate.Build(facts);
        var findings = AttributionChecker.Check(markdown, context);

        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.Kind} '{f.Text}' -> {f.PointsTo}")) + "\n" + markdown);
        Assert.Contains(approved switch { 0 => "_N experts_", 1 => "one expert.", _ => $"{approved} experts" }, markdown);
    }
}
