using EventHub.Core.Auditing;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Registrations;

/// <summary>The attendee cancels: the registration is cancelled and, if it was approved, its place is given back.</summary>
public sealed class CancelAttendance(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, AuditLog audit, EventCapacity waitlist, AccessPasses passes)
{
    public async Task<Outcome> ExecuteAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async c =>
        {
            var r = await AttendeeLinks.FindAsync(db, token, c);
            if (r is null)
            {
                return Outcome.NotFound();
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (!AttendeeRules.CanCancel(r, r.Event!, now))
            {
                return Outcome.Conflict($"This registration cannot be cancelled ({r.Status}).");
            }

            var wasApproved = r.Status == RegistrationStatus.Approved;
            r.Status = RegistrationStatus.Cancelled;
            r.CancelledAtUtc = now;
            r.UpdatedAtUtc = now;
            r.ConcurrencyStamp = Guid.NewGuid();
            audit.Record(db, null, "registration.cancelled", r.EventId, nameof(Registration), r.Id.ToString(), $"{r.Name} cancelled{(wasApproved ? " (was approved; place given back)" : "")}");
            await passes.VoidAsync(db, r.Id, "Cancelled by the attendee", c);
            if (wasApproved)
            {
                // The freed place goes to the first person on the waiting list.
                await waitlist.ReleaseApprovedPlaceAsync(db, null, r.Event!, c);
            }

            await db.SaveChangesAsync(c);
            return Outcome.Success();
        }, ct);
    }
}
