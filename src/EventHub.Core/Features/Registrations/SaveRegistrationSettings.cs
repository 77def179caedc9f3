using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Registrations;

public sealed class RegistrationSettingsForm
{
    public bool RequireSecurityData { get; set; }
    public bool AllowRequests { get; set; }

    /// <summary>An invitation is accepted only under the invited person's name (otherwise another name is flagged for vetting).</summary>
    public bool RequireInviteeName { get; set; }

    /// <summary>Wall-clock time in the event's zone; empty: until the event starts.</summary>
    public DateTime? EditCutoffLocal { get; set; }

    [Range(1, 720, ErrorMessage = "Enter between 1 and 720 hours.")]
    public int WaitlistOfferHours { get; set; } = 48;
}

/// <summary>How an event registers people: security data, requests to attend, edit cut-off, waitlist offer time.</summary>
public sealed class SaveRegistrationSettings(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, RegistrationSettingsForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome.NotFound();
        }

        var errors = RequestValidation.Validate(form)?.ToDictionary() ?? [];
        DateTime? cutoffUtc = null;
        if (form.EditCutoffLocal is { } implausible && !EventTime.IsPlausible(implausible))
        {
            errors[nameof(form.EditCutoffLocal)] = [EventTime.ImplausibleMessage];
        }
        else if (form.EditCutoffLocal is { } local)
        {
            cutoffUtc = EventTime.ToUtc(local, e.TimeZoneId);
            if (cutoffUtc is null)
            {
                errors[nameof(form.EditCutoffLocal)] = ["That time does not exist in the event's time zone (the clocks skip it)."];
            }
            else if (cutoffUtc > e.StartsAtUtc)
            {
                errors[nameof(form.EditCutoffLocal)] = ["The cut-off must be before the event starts."];
            }
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        e.RequireSecurityData = form.RequireSecurityData;
        e.AllowRequests = form.AllowRequests;
        e.RequireInviteeName = form.RequireInviteeName;
        e.EditCutoffUtc = cutoffUtc;
        e.WaitlistOfferHours = form.WaitlistOfferHours;
        e.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(db, actor, "registration.settings", eventId, nameof(Event), eventId.ToString(),
            $"security data {(form.RequireSecurityData ? "required" : "not asked")}, requests {(form.AllowRequests ? "allowed" : "off")}, invitee's name {(form.RequireInviteeName ? "required" : "flagged if different")}, cut-off {cutoffUtc:u}, offer {form.WaitlistOfferHours} h");
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
