using EventHub.Core.Auditing;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Invitations;

/// <summary>The link in every email: the person is marked do-not-contact and is never invited again from that directory.</summary>
public sealed class StopInvitations(IDbContextFactory<EventHubDbContext> dbFactory, UnsubscribeLinks links, AuditLog audit, TimeProvider clock)
{
    /// <summary>Returns the directory's organisation name when the link is valid (to say who will stop writing), else null.</summary>
    public async Task<string?> ExecuteAsync(string? token, CancellationToken ct = default)
    {
        if (links.Read(token) is not { } contactId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.Include(c => c.DirectoryOrganisation).SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return null;
        }

        if (!contact.DoNotContact)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            contact.DoNotContact = true;
            contact.DoNotContactSinceUtc = now;
            contact.UpdatedAtUtc = now;
            audit.Record(db, null, "contact.unsubscribed", null, nameof(Contact), contact.Id.ToString(), "through the link in an email");
            await db.SaveChangesAsync(ct);
        }

        return contact.DirectoryOrganisation?.Name ?? "the organisers";
    }
}
