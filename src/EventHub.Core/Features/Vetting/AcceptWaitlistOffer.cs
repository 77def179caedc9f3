using EventHub.Core.Auditing;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Vetting;

/// <summary>
/// The person takes up an offered place (from their own page, reached by their personal link: the caller has resolved the
/// link to <c>registrationId</c>). The place is taken by a conditional update of the event's counter.
/// </summary>
public sealed class AcceptWaitlistOffer(IDbContextFactory<EventHubDbContext> dbFactory, VettingMailer mailer, AccessPasses passes, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(Guid registrationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async token =>
        {
            var r = await db.Registrations.SingleOrDefaultAsync(x => x.Id == registrationId, token);
            if (r is null)
            {
                return Outcome.NotFound();
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (r.Status != RegistrationStatus.Offered || r.OfferExpiresAtUtc <= now)
            {
                return Outcome.Invalid("", r.Status == RegistrationStatus.Approved
                    ? "You have already accepted this place."
                    : "This offer is no longer open. If another place frees up, we will write to you.");
            }

            var e = await db.Events.Include(x => x.Organisation).SingleAsync(x => x.Id == r.EventId, token);
            // The other open offers keep their places; this one is the place being taken.
            var taken = await db.Events
                .Where(x => x.Id == e.Id && x.ApprovedCount + db.Registrations.Count(o => o.EventId == x.Id && o.Status == RegistrationStatus.Offered && o.Id != r.Id) < x.Capacity)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.ApprovedCount, x => x.ApprovedCount + 1), token);
            if (taken == 0)
            {
                await db.Database.RollbackTransactionAsync(token);
                return Outcome.Conflict("Sorry, the place has been taken in the meantime. You stay on the waiting list.");
            }

            r.Status = RegistrationStatus.Approved;
            r.ApprovedAtUtc = now;
            r.DecidedAtUtc = now;
            r.OfferExpiresAtUtc = null;
            r.UpdatedAtUtc = now;
            r.ConcurrencyStamp = Guid.NewGuid();
            var (_, passToken) = await passes.EnsureLiveAsync(db, r, token);
            await mailer.QueueApprovedAsync(db, r, e, passToken, token);
            audit.Record(db, null, "registration.offer-accepted", e.Id, nameof(Registration), r.Id.ToString(), $"{r.Name} accepted the offered place");
            try
            {
                await db.SaveChangesAsync(token);
            }
            catch (DbUpdateConcurrencyException)
            {
                await db.Database.RollbackTransactionAsync(CancellationToken.None);
                return Outcome.Conflict("Your registration changed at the same moment. Reload the page.");
            }

            return Outcome.Success();
        }, ct);
    }
}
