using System.Security.Claims;
using EventHub.Core.Attribution;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Features.Reports;

/// <summary>
/// Everyone and every organisation connected to an event, as the non-attribution check needs them: attendees (pending,
/// approved, waitlisted or offered; checked in or not), nominees, walk-ins admitted at the door, the team, the host, the
/// people asked for consent; the organiser, co-organisers, host organisation and attendees' organisations with their
/// acronyms and aliases; the confirmed on-record consents; and k (<c>Reports:SmallGroupSize</c>, default 2).
/// </summary>
public sealed class BuildAttributionContext(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, IOptions<ReportOptions> options)
{
    public async Task<Outcome<AttributionContext>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.DraftReport) && !await authorization.CanAsync(actor, eventId, EventPermission.ReviewReport))
        {
            return Outcome<AttributionContext>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var context = await LoadAsync(db, eventId, options.Value.SmallGroupSize, ct);
        return context is null ? Outcome<AttributionContext>.NotFound() : Outcome<AttributionContext>.Success(context);
    }

    /// <summary>The context without an authorization check, for use cases that already made theirs.</summary>
    public static async Task<AttributionContext?> LoadAsync(EventHubDbContext db, Guid eventId, int smallGroupSize, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking()
            .Include(x => x.Organisation).Include(x => x.HostOrganisation).Include(x => x.CoOrganisers).Include(x => x.AgendaItems)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return null;
        }

        var participants = new List<AttributionParticipant>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void AddPerson(string? name, string? organisation, string? position, ParticipantRole role, string? country = null, Sector? sector = null)
        {
            if (string.IsNullOrWhiteSpace(name) || !seen.Add(name.Trim() + "|" + role))
            {
                return;
            }

            participants.Add(new AttributionParticipant(
                name.Trim(),
                string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim(),
                string.IsNullOrWhiteSpace(position) ? null : position.Trim(),
                role,
                string.IsNullOrWhiteSpace(country) ? null : country.Trim(),
                sector is Sector.Other ? null : sector));
        }

        var registrations = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId && r.AnonymisedAtUtc == null
                        && (r.Status == RegistrationStatus.Pending || r.Status == RegistrationStatus.Approved || r.Status == RegistrationStatus.Waitlisted || r.Status == RegistrationStatus.Offered))
            .Select(r => new { r.Name, r.OrganisationId, r.OrganisationName, r.Position, r.Source, r.Country, r.Sector })
            .ToListAsync(ct);
        foreach (var r in registrations)
        {
            AddPerson(r.Name, r.OrganisationName, r.Position, r.Source == RegistrationSource.Nomination ? ParticipantRole.Nominee : ParticipantRole.Attendee, r.Country, r.Sector);
        }

        var walkIns = await db.CheckIns.AsNoTracking().Where(c => c.EventId == eventId && c.RegistrationId == null)
            .Select(c => new { c.Name, c.OrganisationName }).ToListAsync(ct);
        foreach (var w in walkIns)
        {
            AddPerson(w.Name, w.OrganisationName, null, ParticipantRole.Attendee);
        }

        var team = await db.EventTeamMembers.AsNoTracking().Where(t => t.EventId == eventId)
            .Select(t => new { t.UserId, t.User!.DisplayName, t.User.Email, t.User.OrganisationId })
            .ToListAsync(ct);
        var teamOrganisationIds = team.Where(t => t.OrganisationId is not null).Select(t => t.OrganisationId!.Value).Distinct().ToList();
        var registrationOrganisationIds = registrations.Where(r => r.OrganisationId is not null).Select(r => r.OrganisationId!.Value).Distinct().ToList();
        var linked = await db.Organisations.AsNoTracking()
            .Where(o => teamOrganisationIds.Contains(o.Id) || registrationOrganisationIds.Contains(o.Id))
            .ToListAsync(ct);
        foreach (var t in team.DistinctBy(t => t.UserId))
        {
            AddPerson(t.DisplayName ?? t.Email, linked.FirstOrDefault(o => o.Id == t.OrganisationId)?.Name, null, ParticipantRole.Team);
        }

        if (!string.IsNullOrWhiteSpace(e.HostName))
        {
            var (name, position, country) = SplitTitle(e.HostName);
            AddPerson(name, e.HostOrganisation?.Name, position, ParticipantRole.Host, country);
        }

        var titles = e.AgendaItems.ToDictionary(a => a.Id, a => a.Title);
        var consents = await db.OnRecordConsents.AsNoTracking().Where(c => c.EventId == eventId).ToListAsync(ct);
        foreach (var c in consents.Where(c => c.RegistrationId is null))
        {
            // Someone asked to be named was there, typically as a speaker; whatever they answered, they are protected where not on record.
            var known = participants.Any(p => string.Equals(p.Name, c.Name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (!known)
            {
                AddPerson(c.Name, null, c.Affiliation, ParticipantRole.Speaker);
            }
        }

        // Confirmed consents are the on-record permissions. A consent for items that are not on the record still names
        // the items: the check allows the name within them only.
        var onRecord = consents.Where(c => c.Status == ConsentStatus.Confirmed)
            .Select(c => new OnRecordPermission(c.Name.Trim(), c.Scope, c.AgendaItemIds.Where(titles.ContainsKey).Select(id => titles[id]).ToList()))
            .ToList();

        var organisations = new List<AttributionOrganisation>();
        var orgNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void AddOrganisation(Organisation? o)
        {
            if (o is null || !orgNames.Add(o.Name.Trim()))
            {
                return;
            }

            organisations.Add(new AttributionOrganisation(o.Name.Trim(), string.IsNullOrWhiteSpace(o.Acronym) ? null : o.Acronym.Trim(), o.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList()));
            if (o.Acronym is { Length: > 0 } acronym)
            {
                orgNames.Add(acronym.Trim());
            }

            foreach (var alias in o.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)))
            {
                orgNames.Add(alias.Trim());
            }
        }

        AddOrganisation(e.Organisation);
        foreach (var o in e.CoOrganisers)
        {
            AddOrganisation(o);
        }

        AddOrganisation(e.HostOrganisation);
        foreach (var o in linked)
        {
            AddOrganisation(o);
        }

        foreach (var name in registrations.Select(r => r.OrganisationName).Concat(walkIns.Select(w => w.OrganisationName)).Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            // An organisation typed at registration that is not in the directory: its name is all we know.
            if (orgNames.Add(name!.Trim()))
            {
                organisations.Add(new AttributionOrganisation(name.Trim(), null, []));
            }
        }

        return new AttributionContext(participants, organisations, onRecord, smallGroupSize);
    }

    /// <summary>
    /// "MEP Michael Gahler (DE), EPP Group Coordinator for Foreign Affairs" → ("Michael Gahler", "MEP, EPP Group Coordinator
    /// for Foreign Affairs", "DE"): the host is printed with a title, a country code and a position; the check wants them apart.
    /// </summary>
    internal static (string Name, string? Position, string? Country) SplitTitle(string printed)
    {
        var parsed = PersonName.Parse(printed);
        var position = string.Join(", ", new[] { parsed.Titles, parsed.Position }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return (parsed.Name, position.Length == 0 ? null : position, parsed.Country);
    }
}
