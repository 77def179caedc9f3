using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

public sealed record ConsentRow(
    Guid Id, string Name, string? Email, string? Affiliation, ConsentScope Scope, IReadOnlyList<string> AgendaItems, ConsentStatus Status,
    DateTime CreatedAtUtc, DateTime? RequestedAtUtc, DateTime? ConfirmedAtUtc, DateTime? WithdrawnAtUtc, string? RecordedByName);

/// <summary>Someone the organiser can pick: an attendee (registration), a team member or the host.</summary>
public sealed record ConsentCandidate(string Key, string Label, Guid? RegistrationId, string Name, string? Email, string? Affiliation);

public sealed record AgendaChoice(Guid Id, string Title, ConfidentialityLevel Confidentiality);

public sealed record ConsentList(
    Guid EventId, string TimeZoneId, bool CanManage, IReadOnlyList<ConsentRow> Consents, IReadOnlyList<ConsentCandidate> Candidates, IReadOnlyList<AgendaChoice> AgendaItems);

/// <summary>The on-record consents of an event, for those who draft the report; organisers also get the people they can pick.</summary>
public sealed class ListConsents(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<ConsentList>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.DraftReport))
        {
            return Outcome<ConsentList>.Forbidden();
        }

        var canManage = await authorization.CanAsync(actor, eventId, EventPermission.Edit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().Include(x => x.AgendaItems).Include(x => x.HostOrganisation).SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome<ConsentList>.NotFound();
        }

        var agenda = e.AgendaItems.OrderBy(a => a.StartsAtUtc).ThenBy(a => a.SortOrder).Select(a => new AgendaChoice(a.Id, a.Title, a.Confidentiality)).ToList();
        var titles = agenda.ToDictionary(a => a.Id, a => a.Title);
        var consents = (await db.OnRecordConsents.AsNoTracking().Where(c => c.EventId == eventId).OrderBy(c => c.CreatedAtUtc).ToListAsync(ct))
            .Select(c => new ConsentRow(c.Id, c.Name, c.Email, c.Affiliation, c.Scope,
                c.AgendaItemIds.Select(id => titles.GetValueOrDefault(id, "(removed item)")).ToList(), c.Status,
                c.CreatedAtUtc, c.RequestedAtUtc, c.ConfirmedAtUtc, c.WithdrawnAtUtc, c.RecordedByName))
            .ToList();

        var candidates = new List<ConsentCandidate>();
        if (canManage)
        {
            var registrations = await db.Registrations.AsNoTracking()
                .Where(r => r.EventId == eventId && r.AnonymisedAtUtc == null
                            && r.Status != RegistrationStatus.Rejected && r.Status != RegistrationStatus.Cancelled)
                .OrderBy(r => r.Name)
                .Select(r => new { r.Id, r.Name, r.Email, r.OrganisationName, r.Position, r.Status })
                .ToListAsync(ct);
            candidates.AddRange(registrations.Select(r => new ConsentCandidate($"r:{r.Id}", $"{r.Name} — attendee ({r.Status.ToString().ToLowerInvariant()})", r.Id, r.Name, r.Email,
                Affiliation(r.Position, r.OrganisationName))));
            var team = await db.EventTeamMembers.AsNoTracking().Where(t => t.EventId == eventId)
                .Select(t => new { t.UserId, t.User!.DisplayName, t.User.Email, Organisation = db.Organisations.Where(o => o.Id == t.User.OrganisationId).Select(o => o.Name).FirstOrDefault() })
                .ToListAsync(ct);
            candidates.AddRange(team.DistinctBy(t => t.UserId).OrderBy(t => t.DisplayName ?? t.Email)
                .Select(t => new ConsentCandidate($"u:{t.UserId}", $"{t.DisplayName ?? t.Email} — team", null, t.DisplayName ?? t.Email ?? "", t.Email, t.Organisation)));
            if (!string.IsNullOrWhiteSpace(e.HostName))
            {
                candidates.Add(new ConsentCandidate("host", $"{e.HostName} — host", null, e.HostName, null, e.HostOrganisation?.Name));
            }
        }

        return Outcome<ConsentList>.Success(new ConsentList(eventId, e.TimeZoneId, canManage, consents, candidates, agenda));
    }

    private static string? Affiliation(string? position, string? organisation)
    {
        var parts = new[] { position, organisation }.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
