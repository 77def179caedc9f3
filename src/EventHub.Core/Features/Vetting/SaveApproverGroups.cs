using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Vetting;

/// <summary>Sets the groups whose approval each registration needs (e.g. Organiser, Co-organiser, Host office). None: one approval by anyone who may vet.</summary>
public sealed class SaveApproverGroups(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, IReadOnlyList<string> groups, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        var cleaned = groups.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (cleaned.FirstOrDefault(g => g.Length > 100) is { } tooLong)
        {
            return Outcome.Invalid("Groups", $"“{tooLong[..20]}…” is too long: a group name can be at most 100 characters.");
        }

        if (cleaned.Count > 10)
        {
            return Outcome.Invalid("Groups", "At most 10 approver groups.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome.NotFound();
        }

        e.ApproverGroups = cleaned;
        e.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        e.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(db, actor, "event.approver-groups", eventId, nameof(Event), eventId.ToString(), cleaned.Count == 0 ? "none: one approval decides" : string.Join(", ", cleaned));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict("Someone else changed the event at the same moment. Reload and try again.");
        }

        return Outcome.Success();
    }
}
