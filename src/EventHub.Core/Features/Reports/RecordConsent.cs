using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>An organiser records a consent the person gave them (in writing, on the day): confirmed at once, audited.</summary>
public sealed class RecordConsent(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, ConsentForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<Guid>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ConsentRules.CompleteAsync(db, eventId, form, emailRequired: false, ct) is { } errors)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var consent = new OnRecordConsent
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            RegistrationId = form.RegistrationId,
            Name = form.Name!,
            Email = form.Email,
            Affiliation = form.Affiliation,
            Scope = form.Scope,
            AgendaItemIds = form.AgendaItemIds,
            Status = ConsentStatus.Confirmed,
            ConfirmedAtUtc = now,
            RecordedByUserId = ReportRules.UserId(actor),
            RecordedByName = actor.Identity?.Name,
            CreatedAtUtc = now,
        };
        db.OnRecordConsents.Add(consent);
        audit.Record(db, actor, "consent.recorded", eventId, nameof(OnRecordConsent), consent.Id.ToString(), await ConsentRules.DescribeAsync(db, consent, ct));
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Success(consent.Id);
    }
}
