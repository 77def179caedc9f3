using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Privacy;

public sealed class RetentionPolicyForm
{
    /// <summary>Days after the event when security data is erased; null: the installation's default.</summary>
    public int? SecurityDataDays { get; set; }

    /// <summary>Months after the event when personal data is anonymised; null: the installation's default.</summary>
    public int? PersonalDataMonths { get; set; }
}

/// <summary>
/// An organiser shortens an event's retention (never beyond the configured maximums, which are also the defaults).
/// Security data: 0 days (erased at the first run after the event) up to the maximum; personal data: at least one month,
/// so that the report can still be reviewed and circulated to the people who attended.
/// </summary>
public sealed class SaveRetentionPolicy(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, RetentionPolicy policy, AuditLog audit)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, RetentionPolicyForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        var max = policy.Configured;
        var errors = new Dictionary<string, string[]>();
        if (form.SecurityDataDays is { } days && (days < 0 || days > max.SecurityDataDays))
        {
            errors[nameof(form.SecurityDataDays)] = [$"Security data can be kept between 0 and {max.SecurityDataDays} days after the event (this installation's maximum)."];
        }

        if (form.PersonalDataMonths is { } months && (months < RetentionPolicy.MinimumPersonalDataMonths || months > max.PersonalDataMonths))
        {
            errors[nameof(form.PersonalDataMonths)] = [$"Personal data can be kept between {RetentionPolicy.MinimumPersonalDataMonths} and {max.PersonalDataMonths} months after the event (this installation's maximum)."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The change and its audit entry commit together, or neither does.
        return await db.InTransactionAsync(async token =>
        {
            var e = await db.Events.SingleOrDefaultAsync(x => x.Id == eventId, token);
            if (e is null)
            {
                return Outcome.NotFound();
            }

            // Null when it equals the default, so a later change of the configured default applies to this event too.
            var newDays = form.SecurityDataDays == max.SecurityDataDays ? null : form.SecurityDataDays;
            var newMonths = form.PersonalDataMonths == max.PersonalDataMonths ? null : form.PersonalDataMonths;
            if (newDays == e.SecurityDataRetentionDays && newMonths == e.PersonalDataRetentionMonths)
            {
                return Outcome.Success();
            }

            await db.Events.Where(x => x.Id == eventId).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.SecurityDataRetentionDays, newDays)
                .SetProperty(x => x.PersonalDataRetentionMonths, newMonths), token);
            e.SecurityDataRetentionDays = newDays;
            e.PersonalDataRetentionMonths = newMonths;
            audit.Record(db, actor, "retention.policy-changed", eventId, nameof(Event), eventId.ToString(),
                $"Security data {GetRetentionSchedule.Days(policy.SecurityDataDays(e))}, personal data {GetRetentionSchedule.Months(policy.PersonalDataMonths(e))} after the event.");
            db.Entry(e).State = EntityState.Unchanged;
            await db.SaveChangesAsync(token);
            return Outcome.Success();
        }, ct);
    }
}
