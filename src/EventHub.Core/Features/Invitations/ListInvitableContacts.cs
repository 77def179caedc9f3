using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Invitations;

public sealed record InvitableContact(Guid Id, string Name, string Email, string? Organisation, Sector Sector, string? Position, IReadOnlyList<string> Tags, bool DoNotContact, InvitationStatus? Invited);

public sealed record InvitableQuery(string? Search = null, Sector? Sector = null, string? Tag = null);

/// <summary>The experts an organiser can pick from: the event organisation's directory, with who is already invited.</summary>
public sealed class ListInvitableContacts(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<IReadOnlyList<InvitableContact>>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, InvitableQuery query, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Invite))
        {
            return Outcome<IReadOnlyList<InvitableContact>>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organisationId = await db.Events.Where(e => e.Id == eventId).Select(e => (Guid?)e.OrganisationId).SingleOrDefaultAsync(ct);
        if (organisationId is null)
        {
            return Outcome<IReadOnlyList<InvitableContact>>.NotFound();
        }

        var contacts = db.Contacts.AsNoTracking().Where(c => c.DirectoryOrganisationId == organisationId);
        if (query.Sector is { } sector)
        {
            contacts = contacts.Where(c => c.Sector == sector);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            contacts = contacts.Where(c => c.Name.ToLower().Contains(term) || c.NormalizedEmail.Contains(term)
                || (c.OrganisationName != null && c.OrganisationName.ToLower().Contains(term))
                || (c.Organisation != null && (c.Organisation.Name.ToLower().Contains(term) || (c.Organisation.Acronym != null && c.Organisation.Acronym.ToLower().Contains(term)))));
        }

        var rows = await contacts
            .OrderBy(c => c.Name)
            .Select(c => new
            {
                c.Id, c.Name, c.Email, Organisation = c.Organisation != null ? c.Organisation.Name : c.OrganisationName, c.Sector, c.Position, c.Tags, c.DoNotContact,
                Invited = db.Invitations.Where(i => i.EventId == eventId && i.ContactId == c.Id).Select(i => (InvitationStatus?)i.Status).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var tag = query.Tag?.Trim();
        return Outcome<IReadOnlyList<InvitableContact>>.Success(rows
            .Where(r => string.IsNullOrEmpty(tag) || r.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            .Select(r => new InvitableContact(r.Id, r.Name, r.Email, r.Organisation, r.Sector, r.Position, r.Tags, r.DoNotContact, r.Invited))
            .ToList());
    }
}
