using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Registrations;

/// <summary>
/// An event's places: frees them and offers them to the waiting list, in the caller's transaction. A place is free when approved
/// registrations and open offers together are below capacity; the longest-waiting person is offered it first.
/// Also for the attendee's own page: call <see cref="ReleaseApprovedPlaceAsync"/> when an approved person cancels.
/// </summary>
public sealed class EventCapacity(VettingMailer mailer, AuditLog audit, TimeProvider clock)
{
    /// <summary>An approved registration no longer holds its place: the counter goes down (never below zero) and the place is offered.</summary>
    public async Task ReleaseApprovedPlaceAsync(EventHubDbContext db, ClaimsPrincipal? actor, Event e, CancellationToken ct)
    {
        await db.Events.Where(x => x.Id == e.Id && x.ApprovedCount > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ApprovedCount, x => x.ApprovedCount - 1), ct);
        await OfferFreePlacesAsync(db, actor, e, ct);
    }

    /// <summary>Saves the caller's pending changes, then offers each free place to the next waitlisted registration. Returns how many offers were made. The caller saves again and commits.</summary>
    public async Task<int> OfferFreePlacesAsync(EventHubDbContext db, ClaimsPrincipal? actor, Event e, CancellationToken ct)
    {
        // The caller's pending changes (a rejection, an expired offer) must count: save them first, inside the caller's transaction.
        await db.SaveChangesAsync(ct);
        var counts = await db.Events.Where(x => x.Id == e.Id).Select(x => new { x.Capacity, x.ApprovedCount }).SingleAsync(ct);
        var openOffers = await db.Registrations.CountAsync(r => r.EventId == e.Id && r.Status == RegistrationStatus.Offered, ct);
        var free = counts.Capacity - counts.ApprovedCount - openOffers;
        if (free <= 0)
        {
            return 0;
        }

        var next = await db.Registrations
            .Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.WaitlistedAtUtc).ThenBy(r => r.CreatedAtUtc)
            .Take(free)
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var r in next)
        {
            r.Status = RegistrationStatus.Offered;
            r.OfferExpiresAtUtc = now.AddHours(e.WaitlistOfferHours);
            r.UpdatedAtUtc = now;
            r.ConcurrencyStamp = Guid.NewGuid();
            await mailer.QueueOfferedAsync(db, r, e, ct);
            audit.Record(db, actor, "registration.offered", e.Id, nameof(Registration), r.Id.ToString(),
                $"{r.Name} offered a freed place until {r.OfferExpiresAtUtc:u}");
        }

        return next.Count;
    }
}
