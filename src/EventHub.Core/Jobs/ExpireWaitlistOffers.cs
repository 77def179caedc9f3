using EventHub.Core.Auditing;
using EventHub.Core.Data;
using EventHub.Core.Features.Vetting;
using EventHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Jobs;

public sealed record OfferExpirySummary(int Expired, int Offered);

/// <summary>
/// Offers of a freed place that were not taken up in time are closed (the registration is Cancelled, with an audit note)
/// and the place goes to the next person waiting. Running it twice changes nothing the second time: an expired offer is
/// no longer Offered, and a place is offered only while approved places and open offers are below capacity.
/// </summary>
public sealed class ExpireWaitlistOffers(
    IDbContextFactory<EventHubDbContext> dbFactory,
    EventCapacity places,
    AuditLog audit,
    TimeProvider clock,
    ILogger<ExpireWaitlistOffers> logger)
{
    public async Task<OfferExpirySummary> ExecuteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> eventIds;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            eventIds = await db.Registrations
                .Where(r => r.Status == RegistrationStatus.Offered && r.OfferExpiresAtUtc <= now)
                .Select(r => r.EventId).Distinct().ToListAsync(ct);
        }

        int expired = 0, offered = 0;
        foreach (var eventId in eventIds)
        {
            try
            {
                var (x, o) = await ExpireForEventAsync(eventId, now, ct);
                expired += x;
                offered += o;
            }
            catch (DbUpdateConcurrencyException ex)
            {
                // Another node or a person's acceptance got there first; the next run sees the new state.
                logger.LogInformation(ex, "Waitlist offers of event {EventId} changed concurrently", eventId);
            }
        }

        if (expired > 0)
        {
            logger.LogInformation("Expired {Expired} waitlist offers, made {Offered} new ones", expired, offered);
        }

        return new OfferExpirySummary(expired, offered);
    }

    private async Task<(int Expired, int Offered)> ExpireForEventAsync(Guid eventId, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async token =>
        {
            var e = await db.Events.Include(x => x.Organisation).SingleAsync(x => x.Id == eventId, token);
            var due = await db.Registrations
                .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Offered && r.OfferExpiresAtUtc <= now)
                .ToListAsync(token);
            foreach (var r in due)
            {
                r.Status = RegistrationStatus.Cancelled;
                r.CancelledAtUtc = now;
                r.UpdatedAtUtc = now;
                r.ConcurrencyStamp = Guid.NewGuid();
                audit.Record(db, null, "registration.offer-expired", eventId, nameof(Registration), r.Id.ToString(),
                    $"{r.Name} did not take up the offered place by {r.OfferExpiresAtUtc:u}; the offer is closed and the registration cancelled");
            }

            var offered = await places.OfferFreePlacesAsync(db, null, e, token);
            await db.SaveChangesAsync(token);
            return (due.Count, offered);
        }, ct);
    }
}
