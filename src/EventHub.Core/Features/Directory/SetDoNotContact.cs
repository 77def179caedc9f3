using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Directory;

/// <summary>Marks an expert as never to be invited (or lifts it), with who and when in the audit log.</summary>
public sealed class SetDoNotContact(IDbContextFactory<EventHubDbContext> dbFactory, DirectoryAccess access, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid contactId, bool doNotContact, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return Outcome.NotFound();
        }

        if (!await access.CanManageAsync(actor, contact.DirectoryOrganisationId, ct))
        {
            return Outcome.Forbidden();
        }

        if (DoNotContactRule.Apply(db, audit, actor, contact, doNotContact, clock.GetUtcNow().UtcDateTime))
        {
            await db.SaveChangesAsync(ct);
        }

        return Outcome.Success();
    }
}
