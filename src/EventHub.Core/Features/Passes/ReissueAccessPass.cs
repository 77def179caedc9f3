using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Vetting;
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
        var r = await db.Registrations.SingleOrDefaultAsync(x => x.Id == registrationId && x.EventId == eventId, ct);
        if (r is null)
        {
            return Outcome.NotFound();
        }

        if (r.Status != RegistrationStatus.Approved)
        {
            return Outcome.Conflict($"{r.Name} is {r.Status.ToString().ToLowerInvariant()}: only an approved attendee can have a pass.");
        }

        var e = await db.Events.Include(x => x.Organisation).SingleAsync(x => x.Id == eventId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var voided = await passes.VoidAsync(db, r.Id, "Replaced by a reissued pass", ct);
        await db.SaveChangesAsync(ct);
        var (pass, token) = await passes.EnsureLiveAsync(db, r, ct);
        await mailer.QueuePassReissuedAsync(db, r, e, pass.Id, token, ct);
        audit.Record(db, actor, "pass.reissued", eventId, nameof(Registration), r.Id.ToString(),
            $"New access pass for {r.Name}{(voided > 0 ? "; the earlier pass is void" : "")}; emailed");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Success();
    }
}
