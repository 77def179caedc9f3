using EventHub.Core.Attribution;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>The non-attribution findings still open on a report: circulation is refused while there is one.</summary>
public interface IOpenFindingsSource
{
    Task<IReadOnlyList<AttributionFinding>> GetOpenFindingsAsync(Guid reportId, CancellationToken ct);
}

/// <summary>
/// The default source: builds the check's context from everyone connected to the event (registrations of any status,
/// the team, the host and the organisations), runs <see cref="AttributionChecker.Check"/> on the report's current text
/// and leaves out the findings an organiser dismissed (<see cref="AttributionDismissal.FindingKey"/>).
/// </summary>
public sealed class CheckerOpenFindingsSource(IDbContextFactory<EventHubDbContext> dbFactory) : IOpenFindingsSource
{
    public async Task<IReadOnlyList<AttributionFinding>> GetOpenFindingsAsync(Guid reportId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == reportId, ct);
        var context = await BuildContextAsync(db, report.EventId, ct);
        var dismissed = await db.AttributionDismissals.AsNoTracking().Where(d => d.ReportId == reportId).Select(d => d.FindingKey).ToListAsync(ct);
        var keys = dismissed.ToHashSet(StringComparer.Ordinal);
        return AttributionChecker.Check(report.Markdown, context).Where(f => !keys.Contains(f.Key)).ToList();
    }

    public static async Task<AttributionContext> BuildContextAsync(EventHubDbContext db, Guid eventId, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking()
            .Include(x => x.Organisation).Include(x => x.HostOrganisation).Include(x => x.CoOrganisers).Include(x => x.AgendaItems)
            .AsSplitQuery()
            .SingleAsync(x => x.Id == eventId, ct);
        var registrations = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && r.AnonymisedAtUtc == null)
            .Select(r => new { r.Name, r.OrganisationId, r.OrganisationName, r.Position, r.Source })
            .ToListAsync(ct);
        var team = await db.EventTeamMembers.AsNoTracking().Where(t => t.EventId == eventId)
            .Select(t => new { Name = t.User!.DisplayName ?? t.User.UserName, t.User.OrganisationId, OrganisationName = t.User.Organisation != null ? t.User.Organisation.Name : null })
            .Distinct()
            .ToListAsync(ct);

        var participants = new List<AttributionParticipant>();
        participants.AddRange(registrations.Select(r => new AttributionParticipant(r.Name, r.OrganisationName, r.Position,
            r.Source == RegistrationSource.Nomination ? ParticipantRole.Nominee : ParticipantRole.Attendee)));
        participants.AddRange(team.Where(t => !string.IsNullOrWhiteSpace(t.Name))
            .Select(t => new AttributionParticipant(t.Name!, t.OrganisationName, null, ParticipantRole.Team)));
        if (!string.IsNullOrWhiteSpace(e.HostName))
        {
            participants.Add(new AttributionParticipant(e.HostName, e.HostOrganisation?.Name, null, ParticipantRole.Host));
        }

        var organisationIds = registrations.Where(r => r.OrganisationId is not null).Select(r => r.OrganisationId!.Value)
            .Concat(team.Where(t => t.OrganisationId is not null).Select(t => t.OrganisationId!.Value))
            .Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToListAsync(ct);
        organisations.AddRange(new[] { e.Organisation, e.HostOrganisation }.Concat(e.CoOrganisers).OfType<Organisation>());
        var knownNames = organisations.Select(o => o.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var attributionOrganisations = organisations.DistinctBy(o => o.Id)
            .Select(o => new AttributionOrganisation(o.Name, o.Acronym, o.Aliases))
            .Concat(registrations.Select(r => r.OrganisationName).OfType<string>().Where(n => !knownNames.Contains(n))
                .Distinct(StringComparer.OrdinalIgnoreCase).Select(n => new AttributionOrganisation(n, null, [])))
            .ToList();

        var agendaTitles = e.AgendaItems.ToDictionary(a => a.Id, a => a.Title);
        var consents = await db.OnRecordConsents.AsNoTracking()
            .Where(c => c.EventId == eventId && c.Status == ConsentStatus.Confirmed)
            .ToListAsync(ct);
        var onRecord = consents.Select(c => new OnRecordPermission(c.Name, c.Scope,
            c.AgendaItemIds.Where(agendaTitles.ContainsKey).Select(id => agendaTitles[id]).ToList())).ToList();
        return new AttributionContext(participants, attributionOrganisations, onRecord);
    }
}
