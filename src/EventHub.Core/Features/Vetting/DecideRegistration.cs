using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Registrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Vetting;

public sealed class DecisionForm : IValidatableObject
{
    public VettingDecision Decision { get; set; } = VettingDecision.Approved;

    /// <summary>Why; required to reject. Internal: never sent to the person.</summary>
    [StringLength(2000, ErrorMessage = "The reason can be at most 2,000 characters.")]
    public string? InternalReason { get; set; }

    /// <summary>An optional message to the person with a rejection.</summary>
    [StringLength(4000, ErrorMessage = "The message can be at most 4,000 characters.")]
    public string? MessageToPerson { get; set; }

    /// <summary>Send the rejection email (with <see cref="MessageToPerson"/>, if any). Off: the person is not told.</summary>
    public bool SendMessage { get; set; }

    /// <summary>Administrators: the approver group to decide for (default "Organiser").</summary>
    public string? Group { get; set; }

    /// <summary>Organisers: approve beyond capacity (audited, with <see cref="OverrideReason"/>).</summary>
    public bool OverrideCapacity { get; set; }

    [StringLength(2000, ErrorMessage = "The reason can be at most 2,000 characters.")]
    public string? OverrideReason { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Decision == VettingDecision.Rejected && string.IsNullOrWhiteSpace(InternalReason))
        {
            yield return new ValidationResult("Give the reason for the rejection (kept internal, never sent).", [nameof(InternalReason)]);
        }

        if (OverrideCapacity && string.IsNullOrWhiteSpace(OverrideReason))
        {
            yield return new ValidationResult("Give the reason for approving beyond capacity.", [nameof(OverrideReason)]);
        }
    }
}

/// <summary>
/// The registration's status after the decision, what the vetter is told, whether an email to the person was queued, and the
/// groups whose approval is still awaited (nothing is sent to the person until the last one approves).
/// </summary>
public sealed record DecisionResult(RegistrationStatus Status, string Message, bool EmailQueued = false, IReadOnlyList<string>? Awaiting = null);

/// <summary>
/// One approver group's decision on one registration. It becomes Approved when every required group approved (and a place
/// is taken by a conditional update of the event's counter in the same transaction), Rejected on any rejection, Waitlisted
/// on a waitlist decision. The email it causes is queued in the same transaction; every decision is audited.
/// </summary>
public sealed class DecideRegistration(
    IDbContextFactory<EventHubDbContext> dbFactory,
    IAuthorizationService authorization,
    VettingMailer mailer,
    EventCapacity capacity,
    AccessPasses passes,
    AuditLog audit,
    TimeProvider clock)
{
    public async Task<Outcome<DecisionResult>> ExecuteAsync(ClaimsPrincipal actor, Guid registrationId, DecisionForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Who may decide depends only on the registration's event, which never changes: asked once, before the unit of work.
        var eventId = await db.Registrations.Where(x => x.Id == registrationId).Select(x => (Guid?)x.EventId).SingleOrDefaultAsync(ct);
        if (eventId is null)
        {
            return Outcome<DecisionResult>.NotFound();
        }

        if (!await authorization.CanAsync(actor, eventId.Value, EventPermission.Vet))
        {
            return Outcome<DecisionResult>.Forbidden();
        }

        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome<DecisionResult>.Invalid(errors);
        }

        if (form.OverrideCapacity && !await authorization.CanAsync(actor, eventId.Value, EventPermission.Edit))
        {
            return Outcome<DecisionResult>.Invalid(nameof(form.OverrideCapacity), "Only an organiser can approve beyond capacity.");
        }

        // Chosen once, outside the unit: an attempt whose commit went through but whose acknowledgement was lost finds this
        // approval on the retry and reports the decision as made, instead of "this decision no longer applies".
        var approvalId = Guid.CreateVersion7();
        return await db.InTransactionAsync(token => DecideAsync(db, actor, registrationId, approvalId, form, token), ct);
    }

    private async Task<Outcome<DecisionResult>> DecideAsync(EventHubDbContext db, ClaimsPrincipal actor, Guid registrationId, Guid approvalId, DecisionForm form, CancellationToken token)
    {
        var r = await db.Registrations.Include(x => x.Approvals).SingleOrDefaultAsync(x => x.Id == registrationId, token);
        if (r is null)
        {
            return Outcome<DecisionResult>.NotFound();
        }

        var e = await db.Events.Include(x => x.Organisation).SingleAsync(x => x.Id == r.EventId, token);
        if (r.Approvals.SingleOrDefault(a => a.Id == approvalId) is { } mine)
        {
            return Outcome<DecisionResult>.Success(Result(r, e, mine.Group, mine.Decision, mine.Decision == VettingDecision.Rejected ? form.SendMessage : r.Status != RegistrationStatus.Pending));
        }

        var allowed = form.Decision switch
        {
            VettingDecision.Approved or VettingDecision.Waitlisted => r.Status is RegistrationStatus.Pending or RegistrationStatus.Waitlisted,
            _ => r.Status is RegistrationStatus.Pending or RegistrationStatus.Waitlisted or RegistrationStatus.Approved or RegistrationStatus.Offered,
        };
        if (!allowed)
        {
            return Outcome<DecisionResult>.Invalid("", $"{r.Name} is {r.Status.ToString().ToLowerInvariant()}: this decision no longer applies.");
        }

        var group = await ApproverGroupRules.ResolveAsync(db, actor, e, form.Group, token);
        if (group is null)
        {
            return Outcome<DecisionResult>.Invalid(nameof(form.Group), $"You decide for no approver group of this event ({string.Join(", ", e.ApproverGroups)}). An organiser can set your group on the Team page.");
        }

        var previous = r.Status;
        var approval = RecordApproval(db, actor, r, approvalId, group, form);
        try
        {
            var refused = form.Decision switch
            {
                VettingDecision.Rejected => await RejectAsync(db, actor, r, e, approval, previous, form, token),
                VettingDecision.Waitlisted => await WaitlistAsync(db, actor, r, e, approval, token),
                _ => await ApproveAsync(db, actor, r, e, approval, form, token),
            };
            if (refused is not null)
            {
                return refused;
            }

            await db.SaveChangesAsync(token);
            var emailed = form.Decision switch
            {
                VettingDecision.Rejected => form.SendMessage,
                VettingDecision.Waitlisted => true,
                _ => r.Status == RegistrationStatus.Approved,
            };
            return Outcome<DecisionResult>.Success(Result(r, e, group, form.Decision, emailed));
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Database.RollbackTransactionAsync(CancellationToken.None);
            return Outcome<DecisionResult>.Conflict($"Someone else decided on {r.Name} at the same moment. Reload to see their decision.");
        }
    }

    /// <summary>The group's decision, replacing the group's earlier one (kept, superseded, for the record).</summary>
    private RegistrationApproval RecordApproval(EventHubDbContext db, ClaimsPrincipal actor, Registration r, Guid approvalId, string group, DecisionForm form)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var earlier in r.Approvals.Where(a => a.Group == group && !a.Superseded))
        {
            earlier.Superseded = true;
        }

        var approval = new RegistrationApproval
        {
            Id = approvalId,
            RegistrationId = r.Id,
            Group = group,
            Decision = form.Decision,
            DecidedByUserId = actor.FindFirstValue(ClaimTypes.NameIdentifier),
            DecidedByName = actor.Identity?.Name,
            AtUtc = now,
            InternalReason = Trim(form.InternalReason),
            MessageToPerson = form.Decision == VettingDecision.Rejected ? Trim(form.MessageToPerson) : null,
            OverridesCapacity = form.Decision == VettingDecision.Approved && form.OverrideCapacity,
            OverrideReason = form.Decision == VettingDecision.Approved && form.OverrideCapacity ? Trim(form.OverrideReason) : null,
        };
        r.Approvals.Add(approval);
        db.RegistrationApprovals.Add(approval);
        r.UpdatedAtUtc = now;
        r.ConcurrencyStamp = Guid.NewGuid();
        return approval;
    }

    /// <summary>Any rejection rejects: a pass stops working, and an approved or offered place goes to the waiting list.</summary>
    private async Task<Outcome<DecisionResult>?> RejectAsync(EventHubDbContext db, ClaimsPrincipal actor, Registration r, Event e, RegistrationApproval approval, RegistrationStatus previous, DecisionForm form, CancellationToken token)
    {
        r.Status = RegistrationStatus.Rejected;
        r.DecidedAtUtc = approval.AtUtc;
        r.OfferExpiresAtUtc = null;
        if (form.SendMessage)
        {
            await mailer.QueueRejectedAsync(db, r, e, form.MessageToPerson, token);
        }

        // A pass issued on an earlier approval stops working at the door from now on.
        var voided = await passes.VoidAsync(db, r.Id, "Rejected after approval", token);
        audit.Record(db, actor, "registration.rejected", e.Id, nameof(Registration), r.Id.ToString(),
            $"{r.Name} rejected by {approval.Group}: {approval.InternalReason}{(form.SendMessage ? " (the person was told)" : " (not told)")}{(voided > 0 ? "; access pass void" : "")}");
        if (previous == RegistrationStatus.Approved)
        {
            await capacity.ReleaseApprovedPlaceAsync(db, actor, e, token);
        }
        else if (previous == RegistrationStatus.Offered)
        {
            await capacity.OfferFreePlacesAsync(db, actor, e, token);
        }

        return null;
    }

    private async Task<Outcome<DecisionResult>?> WaitlistAsync(EventHubDbContext db, ClaimsPrincipal actor, Registration r, Event e, RegistrationApproval approval, CancellationToken token)
    {
        r.Status = RegistrationStatus.Waitlisted;
        r.WaitlistedAtUtc = approval.AtUtc;
        await mailer.QueueWaitlistedAsync(db, r, e, token);
        audit.Record(db, actor, "registration.waitlisted", e.Id, nameof(Registration), r.Id.ToString(), $"{r.Name} waitlisted by {approval.Group}{Because(approval.InternalReason)}");
        return null;
    }

    /// <summary>
    /// The group's approval; once every required group approved, a place is taken and the approval email (with the pass) queued.
    /// Refused, with everything undone, when the event is full and no organiser chose to go beyond capacity: an organiser's
    /// override counts whichever group decides last, since it is kept on the organiser group's current approval.
    /// </summary>
    private async Task<Outcome<DecisionResult>?> ApproveAsync(EventHubDbContext db, ClaimsPrincipal actor, Registration r, Event e, RegistrationApproval approval, DecisionForm form, CancellationToken token)
    {
        audit.Record(db, actor, "registration.approval", e.Id, nameof(Registration), r.Id.ToString(),
            $"{r.Name} approved by {approval.Group}{Because(approval.InternalReason)}{(approval.OverridesCapacity ? $" (even beyond capacity: {approval.OverrideReason})" : "")}");
        if (ApproverGroupRules.Outcome(e.ApproverGroups, r.Approvals) != RegistrationStatus.Approved)
        {
            return null;
        }

        // The place: a conditional update, so two vetters can never both take the last one.
        // Places offered to the waiting list are held for them until the offer expires.
        var taken = await db.Events
            .Where(x => x.Id == e.Id && x.ApprovedCount + db.Registrations.Count(o => o.EventId == x.Id && o.Status == RegistrationStatus.Offered) < x.Capacity)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ApprovedCount, x => x.ApprovedCount + 1), token);
        var overriding = r.Approvals.Where(a => !a.Superseded && a.Decision == VettingDecision.Approved && a.OverridesCapacity).OrderByDescending(a => a.AtUtc).FirstOrDefault();
        if (taken == 0)
        {
            if (overriding is null)
            {
                await db.Database.RollbackTransactionAsync(token);
                var current = await db.Events.AsNoTracking().Where(x => x.Id == e.Id).Select(x => new { x.ApprovedCount, x.Capacity }).SingleAsync(token);
                return Outcome<DecisionResult>.Conflict(
                    $"Capacity reached ({current.ApprovedCount} of {current.Capacity}): {r.Name} stays pending. Waitlist them, or an organiser can approve beyond capacity with a reason.");
            }

            await db.Events.Where(x => x.Id == e.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ApprovedCount, x => x.ApprovedCount + 1), token);
            r.OverCapacity = true;
            audit.Record(db, actor, "registration.over-capacity", e.Id, nameof(Registration), r.Id.ToString(), $"{r.Name} approved beyond capacity ({overriding.DecidedByName ?? overriding.Group}): {overriding.OverrideReason}");
        }

        r.Status = RegistrationStatus.Approved;
        r.ApprovedAtUtc = approval.AtUtc;
        r.DecidedAtUtc = approval.AtUtc;
        var (_, passToken) = await passes.EnsureLiveAsync(db, r, token);
        await mailer.QueueApprovedAsync(db, r, e, passToken, token);
        return null;
    }

    /// <summary>What the vetter is told: from the registration as the decision left it (so a retried attempt says the same).</summary>
    private static DecisionResult Result(Registration r, Event e, string group, VettingDecision decision, bool emailed)
    {
        var awaiting = decision == VettingDecision.Approved && r.Status != RegistrationStatus.Approved ? Awaiting(e.ApproverGroups, r.Approvals) : [];
        var message = decision switch
        {
            VettingDecision.Rejected => $"{r.Name} rejected{(emailed ? "; the rejection email is in the outbox." : "; the person was not told.")}",
            VettingDecision.Waitlisted => $"{r.Name} is on the waiting list; the email saying so is in the outbox.",
            _ when r.Status == RegistrationStatus.Approved => $"{r.Name} approved{(r.OverCapacity ? " beyond capacity" : "")}; the approval email with the access pass is in the outbox.",
            _ => $"{group} approved {r.Name}; nothing is sent until {string.Join(" and ", awaiting)} {(awaiting.Count == 1 ? "approves" : "approve")}{(r.Approvals.Any(a => !a.Superseded && a.OverridesCapacity) ? " (an organiser allowed going beyond capacity)" : "")}.",
        };
        return new DecisionResult(r.Status, message, emailed, awaiting);
    }

    /// <summary>The required groups without a current approval, in the event's order.</summary>
    public static IReadOnlyList<string> Awaiting(IReadOnlyList<string> requiredGroups, IEnumerable<RegistrationApproval> approvals)
        => requiredGroups.Where(g => !approvals.Any(a => !a.Superseded && a.Group == g && a.Decision == VettingDecision.Approved)).ToList();

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Because(string? reason) => reason is null ? "" : $": {reason}";
}
