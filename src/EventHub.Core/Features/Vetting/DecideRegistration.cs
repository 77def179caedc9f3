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

public sealed record DecisionResult(RegistrationStatus Status, string Message);

/// <summary>
/// One approver group's decision on one registration. It becomes Approved when every required group approved (and a place
/// is taken by a conditional update of the event's counter in the same transaction), Rejected on any rejection, Waitlisted
/// on a waitlist decision. The email it causes is queued in the same transaction; every decision is audited.
/// </summary>
public sealed class DecideRegistration(
    IDbContextFactory<EventHubDbContext> dbFactory,
    IAuthorizationService authorization,
    VettingMailer mailer,
    EventCapacity places,
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

        return await db.InTransactionAsync(async token =>
        {
            var r = await db.Registrations.Include(x => x.Approvals).SingleOrDefaultAsync(x => x.Id == registrationId, token);
            if (r is null)
            {
                return Outcome<DecisionResult>.NotFound();
            }

            var e = await db.Events.Include(x => x.Organisation).SingleAsync(x => x.Id == r.EventId, token);
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

            var now = clock.GetUtcNow().UtcDateTime;
            var wasApproved = r.Status == RegistrationStatus.Approved;
            var wasOffered = r.Status == RegistrationStatus.Offered;
            foreach (var earlier in r.Approvals.Where(a => a.Group == group && !a.Superseded))
            {
                earlier.Superseded = true;
            }

            var approval = new RegistrationApproval
            {
                Id = Guid.CreateVersion7(),
                RegistrationId = r.Id,
                Group = group,
                Decision = form.Decision,
                DecidedByUserId = actor.FindFirstValue(ClaimTypes.NameIdentifier),
                DecidedByName = actor.Identity?.Name,
                AtUtc = now,
                InternalReason = Trim(form.InternalReason),
                MessageToPerson = form.Decision == VettingDecision.Rejected ? Trim(form.MessageToPerson) : null,
            };
            r.Approvals.Add(approval);
            db.RegistrationApprovals.Add(approval);
            r.UpdatedAtUtc = now;
            r.ConcurrencyStamp = Guid.NewGuid();

            try
            {
                string message;
                switch (form.Decision)
                {
                    case VettingDecision.Rejected:
                        r.Status = RegistrationStatus.Rejected;
                        r.DecidedAtUtc = now;
                        r.OfferExpiresAtUtc = null;
                        if (form.SendMessage)
                        {
                            await mailer.QueueRejectedAsync(db, r, e, form.MessageToPerson, token);
                        }

                        // A pass issued on an earlier approval stops working at the door from now on.
                        var voided = await passes.VoidAsync(db, r.Id, "Rejected after approval", token);
                        audit.Record(db, actor, "registration.rejected", e.Id, nameof(Registration), r.Id.ToString(),
                            $"{r.Name} rejected by {group}: {approval.InternalReason}{(form.SendMessage ? " (the person was told)" : " (not told)")}{(voided > 0 ? "; access pass void" : "")}");
                        if (wasApproved)
                        {
                            await places.ReleaseApprovedPlaceAsync(db, actor, e, token);
                        }
                        else if (wasOffered)
                        {
                            await places.OfferFreePlacesAsync(db, actor, e, token);
                        }

                        message = $"{r.Name} rejected.";
                        break;

                    case VettingDecision.Waitlisted:
                        r.Status = RegistrationStatus.Waitlisted;
                        r.WaitlistedAtUtc = now;
                        await mailer.QueueWaitlistedAsync(db, r, e, token);
                        audit.Record(db, actor, "registration.waitlisted", e.Id, nameof(Registration), r.Id.ToString(), $"{r.Name} waitlisted by {group}{Because(approval.InternalReason)}");
                        message = $"{r.Name} is on the waiting list.";
                        break;

                    default:
                        audit.Record(db, actor, "registration.approval", e.Id, nameof(Registration), r.Id.ToString(), $"{r.Name} approved by {group}{Because(approval.InternalReason)}");
                        var required = e.ApproverGroups;
                        if (ApproverGroupRules.Outcome(required, r.Approvals) != RegistrationStatus.Approved)
                        {
                            var waiting = required.Where(g => !r.Approvals.Any(a => !a.Superseded && a.Group == g && a.Decision == VettingDecision.Approved)).ToList();
                            message = $"{group} approved {r.Name}; waiting for {string.Join(", ", waiting)}.";
                            break;
                        }

                        // The place: a conditional update, so two vetters can never both take the last one.
                        // Places offered to the waiting list are held for them until the offer expires.
                        var taken = await db.Events
                            .Where(x => x.Id == e.Id && x.ApprovedCount + db.Registrations.Count(o => o.EventId == x.Id && o.Status == RegistrationStatus.Offered) < x.Capacity)
                            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ApprovedCount, x => x.ApprovedCount + 1), token);
                        if (taken == 0)
                        {
                            if (!form.OverrideCapacity)
                            {
                                await db.Database.RollbackTransactionAsync(token);
                                var current = await db.Events.AsNoTracking().Where(x => x.Id == e.Id).Select(x => new { x.ApprovedCount, x.Capacity }).SingleAsync(token);
                                return Outcome<DecisionResult>.Conflict(
                                    $"Capacity reached ({current.ApprovedCount} of {current.Capacity}): {r.Name} stays pending. Waitlist them, or an organiser can approve beyond capacity with a reason.");
                            }

                            await db.Events.Where(x => x.Id == e.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ApprovedCount, x => x.ApprovedCount + 1), token);
                            r.OverCapacity = true;
                            audit.Record(db, actor, "registration.over-capacity", e.Id, nameof(Registration), r.Id.ToString(), $"{r.Name} approved beyond capacity: {form.OverrideReason!.Trim()}");
                        }

                        r.Status = RegistrationStatus.Approved;
                        r.ApprovedAtUtc = now;
                        r.DecidedAtUtc = now;
                        var (_, passToken) = await passes.EnsureLiveAsync(db, r, token);
                        await mailer.QueueApprovedAsync(db, r, e, passToken, token);
                        message = $"{r.Name} approved{(r.OverCapacity ? " beyond capacity" : "")}.";
                        break;
                }

                await db.SaveChangesAsync(token);
                return Outcome<DecisionResult>.Success(new DecisionResult(r.Status, message));
            }
            catch (DbUpdateConcurrencyException)
            {
                await db.Database.RollbackTransactionAsync(CancellationToken.None);
                return Outcome<DecisionResult>.Conflict($"Someone else decided on {r.Name} at the same moment. Reload to see their decision.");
            }
        }, ct);
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Because(string? reason) => reason is null ? "" : $": {reason}";
}
