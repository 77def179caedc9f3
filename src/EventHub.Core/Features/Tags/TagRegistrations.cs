using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Tags;

/// <summary>
/// Puts a tag on registrations, or takes it off: one registration from its page, or many from the queue. Every id must be
/// a registration of this event, or nothing changes. Answers how many registrations changed.
/// </summary>
public sealed class TagRegistrations(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<int>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid tagId, IReadOnlyCollection<Guid> registrationIds, bool add, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Vet))
        {
            return Outcome<int>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tag = await db.RegistrationTags.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tagId && t.EventId == eventId, ct);
        if (tag is null)
        {
            return Outcome<int>.Invalid("TagId", "Choose one of this event's tags.");
        }

        var ids = registrationIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return Outcome<int>.Invalid("RegistrationIds", "Select at least one registration.");
        }

        var found = await db.Registrations.Where(r => r.EventId == eventId && ids.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        if (found.Count != ids.Count)
        {
            return Outcome<int>.Invalid("RegistrationIds", "Some of the selected registrations are not this event's; nothing was changed.");
        }

        var tagged = await db.RegistrationTagAssignments.Where(a => a.TagId == tagId && ids.Contains(a.RegistrationId)).ToListAsync(ct);
        var changed = add ? found.Where(r => tagged.All(a => a.RegistrationId != r.Id)).ToList() : found.Where(r => tagged.Any(a => a.RegistrationId == r.Id)).ToList();
        if (add)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.RegistrationTagAssignments.AddRange(changed.Select(r => new RegistrationTagAssignment { RegistrationId = r.Id, TagId = tagId, TaggedAtUtc = now }));
        }
        else
        {
            db.RegistrationTagAssignments.RemoveRange(tagged);
        }

        foreach (var r in changed)
        {
            audit.Record(db, actor, add ? "registration.tagged" : "registration.untagged", eventId, nameof(Registration), r.Id.ToString(), $"{r.Name}: {tag.Name}");
        }

        await db.SaveChangesAsync(ct);
        return Outcome<int>.Success(changed.Count);
    }
}
