using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Registrations;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Invitations;

/// <summary>What the invitee's page shows: the event without its exact venue, the invitee as invited, the answer so far.</summary>
public sealed record InvitationView(
    string EventTitle, string? Description, DateTime StartsAtUtc, DateTime EndsAtUtc, string TimeZoneId, string? City, string? HostName, string Organiser,
    string InviteeName, string InviteeEmail, string? InviteeOrganisation, string? InviteePosition,
    InvitationStatus Status, DateTime? RespondedAtUtc, RegistrationFormDefinition Form, Sector? InviteeSector = null)
{
    public bool CanAccept => Status is InvitationStatus.Sent or InvitationStatus.Declined or InvitationStatus.Bounced;
    public bool CanDeclineOrNominate => Status is InvitationStatus.Sent or InvitationStatus.Bounced;
}

/// <summary>Opens a personal link. Null for anything that is not a valid, live link: the page then says only that.</summary>
public sealed class OpenInvitation(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<InvitationView?> ExecuteAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await InvitationLinkResolver.FindAsync(db, token, clock.GetUtcNow().UtcDateTime, ct);
        if (i is null)
        {
            return null;
        }

        var e = i.Event!;
        var c = i.Contact!;
        return new InvitationView(e.Title, e.Description, e.StartsAtUtc, e.EndsAtUtc, e.TimeZoneId, e.City, e.HostName, e.Organisation?.Name ?? "",
            c.Name, c.Email, c.Organisation?.Name ?? c.OrganisationName, c.Position, i.Status, i.RespondedAtUtc, await RegistrationFormDefinition.LoadAsync(db, e, ct),
            // "Other" is also what a contact gets when nobody said: the form then asks rather than answering for them.
            c.Sector == Sector.Other ? null : c.Sector);
    }
}
