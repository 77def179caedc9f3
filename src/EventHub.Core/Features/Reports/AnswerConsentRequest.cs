using EventHub.Core.Auditing;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

public enum ConsentAnswer
{
    Confirm = 0,
    Decline = 1,
}

/// <summary>
/// The person answers through their link: confirm (they may be named as asked), or decline — also after confirming, which
/// withdraws the consent. A declined request is stored as <see cref="ConsentStatus.Withdrawn"/> (never named). Audited,
/// with no staff actor.
/// </summary>
public sealed class AnswerConsentRequest(IDbContextFactory<EventHubDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ConsentStatus>> ExecuteAsync(string? token, ConsentAnswer answer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var consent = await OpenConsentRequest.FindAsync(db, token, ct);
        if (consent is null)
        {
            return Outcome<ConsentStatus>.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        switch (answer)
        {
            case ConsentAnswer.Confirm when consent.Status != ConsentStatus.Confirmed:
                consent.Status = ConsentStatus.Confirmed;
                consent.ConfirmedAtUtc = now;
                consent.WithdrawnAtUtc = null;
                audit.Record(db, null, "consent.confirmed", consent.EventId, nameof(OnRecordConsent), consent.Id.ToString(), await ConsentRules.DescribeAsync(db, consent, ct) + ", confirmed by the person through their link");
                break;
            case ConsentAnswer.Decline when consent.Status != ConsentStatus.Withdrawn:
                var wasConfirmed = consent.Status == ConsentStatus.Confirmed;
                consent.Status = ConsentStatus.Withdrawn;
                consent.WithdrawnAtUtc = now;
                audit.Record(db, null, wasConfirmed ? "consent.withdrawn" : "consent.declined", consent.EventId, nameof(OnRecordConsent), consent.Id.ToString(),
                    await ConsentRules.DescribeAsync(db, consent, ct) + (wasConfirmed ? ", withdrawn by the person through their link" : ", declined by the person through their link"));
                break;
            default:
                return Outcome<ConsentStatus>.Success(consent.Status);
        }

        await db.SaveChangesAsync(ct);
        return Outcome<ConsentStatus>.Success(consent.Status);
    }
}
