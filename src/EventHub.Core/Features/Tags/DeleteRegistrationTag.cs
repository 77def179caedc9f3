using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Tags;

/// <summary>Removes a tag and takes it off every registration (explicitly: the database does not cascade it, see the configuration).</summary>
public sealed class DeleteRegistrationTag(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid tagId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tag = await db.RegistrationTags.SingleOrDefaultAsync(t => t.Id == tagId && t.EventId == eventId, ct);
        if (tag is null)
        {
            return Outcome.NotFound();
        }

        var assignments = await db.RegistrationTagAssignments.Where(a => a.TagId == tagId).ToListAsync(ct);
        db.RegistrationTagAssignments.RemoveRange(assignments);
        db.RegistrationTags.Remove(tag);
        audit.Record(db, actor, "tag.deleted", eventId, nameof(RegistrationTag), tag.Id.ToString(), $"{tag.Name}, taken off {assignments.Count} registrations");
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
