using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Vetting;
using EventHub.Core.Registrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Passes;

/// <summary>
/// An organiser issues a new pass to an approved attendee (a lost phone, a forwarded email, a revoked pass): any live pass
/// becomes void, the new one is emailed (one email per pass) and shown on the attendee's page. Audited.
/// </summary>
public sealed class ReissueAccessPass(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AccessPasses passes, VettingMailer mailer, AuditLog audit)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid registrationId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async token =>
        {
            var r = await db.Registrations.SingleOrDefaultAsync(x => x.Id == registrationId && x.EventId == eventId, token);
            if (r is null)
            {
                return Outcome.NotFound();
            }

            if (r.Status != RegistrationStatus.Approved)
            {
                return Outcome.Conflict($"{r.Name} is {r.Status.ToString().ToLowerInvariant()}: only an approved attendee can have a pass.");
            }

            var e = await db.Events.Include(x => x.Organisation).SingleAsync(x => x.Id == eventId, token);
            var voided = await passes.VoidAsync(db, r.Id, "Replaced by a reissued pass", token);
            await db.SaveChangesAsync(token);
            var (pass, passToken) = await passes.EnsureLiveAsync(db, r, token);
            await mailer.QueuePassReissuedAsync(db, r, e, pass.Id, passToken, token);
            audit.Record(db, actor, "pass.reissued", eventId, nameof(Registration), r.Id.ToString(),
                $"New access pass for {r.Name}{(voided > 0 ? "; the earlier pass is void" : "")}; emailed");
            await db.SaveChangesAsync(token);
            return Outcome.Success();
        }, ct);
    }
}
