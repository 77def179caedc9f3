using System.Security.Claims;
using EventHub.Core.Attribution;
using EventHub.Core.Data;
using EventHub.Core.Features.Reports;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventHub.Core.Tests.Reports;

/// <summary>
/// The seed event with its organiser, a rapporteur, two host reviewers ("Host office", "Co-organiser"), door staff, and a
/// report inserted directly (the editor is another feature).
/// </summary>
internal sealed class ReportScenario
{
    public const string NeutralText = """
        # Security engagement in Central Asia

        The discussion covered regional security cooperation, energy policy and the European Union's strategy for the region.

        Participants agreed that a values-driven approach offers an alternative to the current dominance of other powers.
        """;

    public required VettingScenario Vetting { get; init; }
    public required ClaimsPrincipal Rapporteur { get; init; }
    public required ClaimsPrincipal HostOffice { get; init; }
    public required ClaimsPrincipal CoOrganiser { get; init; }
    public required ClaimsPrincipal DoorStaff { get; init; }
    public required Guid ReportId { get; init; }

    public CoreTestHost Host => Vetting.Host;
    public ClaimsPrincipal Organiser => Vetting.Organiser;
    public Guid EventId => Vetting.EventId;

    public static async Task<ReportScenario> CreateAsync(TestDatabase database, CoreTestHost host, string markdown = NeutralText)
    {
        var vetting = await VettingScenario.CreateAsync(database, host);
        var rapporteur = await vetting.AddTeamMemberAsync("rita@kas.example", EventRole.Rapporteur);
        var hostOffice = await vetting.AddTeamMemberAsync("hana@ep.example", EventRole.HostReviewer, "Host office");
        var coOrganiser = await vetting.AddTeamMemberAsync("conrad@enc.example", EventRole.HostReviewer, "Co-organiser");
        var door = await vetting.AddTeamMemberAsync("dora@kas.example", EventRole.DoorStaff);
        var reportId = Guid.NewGuid();
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var now = host.Clock.GetUtcNow().UtcDateTime;
            db.Reports.Add(new Report
            {
                Id = reportId,
                EventId = vetting.EventId,
                Title = "China's and Russia's Security Engagement in Central Asia",
                Markdown = markdown,
                CurrentVersion = 1,
                Status = ReportStatus.Draft,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                ConcurrencyStamp = Guid.NewGuid(),
                Versions = [new ReportVersion { Id = Guid.NewGuid(), Number = 1, Markdown = markdown, SavedAtUtc = now }],
            });
            await db.SaveChangesAsync();
        }

        return new ReportScenario { Vetting = vetting, Rapporteur = rapporteur, HostOffice = hostOffice, CoOrganiser = coOrganiser, DoorStaff = door, ReportId = reportId };
    }

    public Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work) => Vetting.InScopeAsync(work);

    public Task<EventHub.Core.Common.Outcome> SubmitAsync(ClaimsPrincipal actor, IReadOnlyList<string>? groups = null)
        => InScopeAsync(sp => sp.GetRequiredService<SubmitReportForReview>().ExecuteAsync(actor, EventId, groups));

    public Task<EventHub.Core.Common.Outcome<ReviewResult>> DecideAsync(ClaimsPrincipal actor, ReviewDecision decision, string? comment = null, string? group = null)
        => InScopeAsync(sp => sp.GetRequiredService<DecideReportReview>().ExecuteAsync(actor, EventId, new ReviewForm { Decision = decision, Comment = comment, Group = group }));

    /// <summary>Submitted and approved by both groups.</summary>
    public async Task ApproveAsync()
    {
        Assert.True((await SubmitAsync(Rapporteur)).Succeeded);
        Assert.True((await DecideAsync(HostOffice, ReviewDecision.Approved)).Succeeded);
        var last = await DecideAsync(CoOrganiser, ReviewDecision.Approved);
        Assert.Equal(ReportStatus.Approved, last.Value!.Status);
    }

    public async Task<Report> ReportAsync()
    {
        await using var db = await Vetting.Database.Factory.CreateDbContextAsync();
        return await db.Reports.AsNoTracking().Include(r => r.Reviews).Include(r => r.Comments).SingleAsync(r => r.Id == ReportId);
    }

    public async Task<List<string>> AuditActionsAsync()
    {
        await using var db = await Vetting.Database.Factory.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EventId == EventId && a.Action.StartsWith("report.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    /// <summary>An approved attendee admitted at the door.</summary>
    public async Task<Registration> AddCheckedInAsync(string name, string email, string organisation = "Central Asia Institute")
    {
        var r = await Vetting.AddRegistrationAsync(name, email, organisation, status: RegistrationStatus.Approved);
        await using var db = await Vetting.Database.Factory.CreateDbContextAsync();
        db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), EventId = EventId, RegistrationId = r.Id, Kind = CheckInKind.NameSearch, Name = name, OrganisationName = organisation, AtUtc = Host.Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        return r;
    }
}

/// <summary>For tests about something other than the check: the findings are whatever the test says.</summary>
internal sealed class FakeOpenFindings : IOpenFindingsSource
{
    public List<AttributionFinding> Open { get; } = [];

    public Task<IReadOnlyList<AttributionFinding>> GetOpenFindingsAsync(Guid reportId, CancellationToken ct) => Task.FromResult<IReadOnlyList<AttributionFinding>>(Open.ToList());

    public static CoreTestHost Host(TestDatabase database, FakeOpenFindings findings, IDictionary<string, string?>? settings = null)
        => CoreTestHost.Create(database, settings, services: s =>
        {
            s.RemoveAll<IOpenFindingsSource>();
            s.AddSingleton<IOpenFindingsSource>(findings);
        });
}
