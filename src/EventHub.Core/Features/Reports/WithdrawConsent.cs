using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>An organiser withdraws a consent (the person changed their mind, or it was recorded by mistake); audited. The name is protected again from the next check on.</summary>
public sealed class WithdrawConsent(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid consentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var consent = await db.OnRecordConsents.SingleOrDefaultAsync(c => c.Id == consentId, ct);
        if (consent is null)
        {
            return Outcome.NotFound();
        }

        if (!await authorization.CanAsync(actor, consent.EventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        if (consent.Status == ConsentStatus.Withdrawn)
        {
            return Outcome.Invalid("", $"The consent of {consent.Name} was already withdrawn.");
        }

        consent.Status = ConsentStatus.Withdrawn;
        consent.WithdrawnAtUtc = clock.GetUtcNow().UtcDateTime;
        consent.RequestTokenHash = null;
        audit.Record(db, actor, "consent.withdrawn", consent.EventId, nameof(OnRecordConsent), consent.Id.ToString(), await ConsentRules.DescribeAsync(db, consent, ct));
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
