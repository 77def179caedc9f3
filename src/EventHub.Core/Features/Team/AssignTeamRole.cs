using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Team;

public sealed class TeamRoleForm
{
    [Required(ErrorMessage = "Enter the staff member's email.")]
    [DeliverableEmail(ErrorMessage = "Enter a valid email address.")]
    public string? Email { get; set; }

    public EventRole Role { get; set; } = EventRole.Vetter;

    /// <summary>For a vetter or host reviewer: the approver group they decide for (one of the event's groups).</summary>
    public string? ApproverGroup { get; set; }
}

/// <summary>Gives a staff member a role on one event. Administrators and the event's organisers may.</summary>
public sealed class AssignTeamRole(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, TeamRoleForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.ManageTeam))
        {
            return Outcome.Forbidden();
        }

        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await db.Events.Where(e => e.Id == eventId).Select(e => e.ApproverGroups).SingleOrDefaultAsync(ct);
        if (groups is null)
        {
            return Outcome.NotFound();
        }

        var approverGroup = string.IsNullOrWhiteSpace(form.ApproverGroup) ? null : form.ApproverGroup.Trim();
        if (approverGroup is not null && form.Role is not (EventRole.Vetter or EventRole.HostReviewer))
        {
            return Outcome.Invalid(nameof(form.ApproverGroup), "Only vetters and host reviewers decide for an approver group.");
        }

        if (approverGroup is not null && !groups.Contains(approverGroup))
        {
            return Outcome.Invalid(nameof(form.ApproverGroup), groups.Count == 0
                ? "This event has no approver groups: set them on the Vet page first."
                : $"Choose one of the event's approver groups: {string.Join(", ", groups)}.");
        }

        var normalized = form.Email!.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is null)
        {
            return Outcome.Invalid(nameof(form.Email), "No staff account has this email. An administrator can invite them first (Staff).");
        }

        if (await db.EventTeamMembers.AnyAsync(t => t.EventId == eventId && t.UserId == user.Id && t.Role == form.Role, ct))
        {
            return Outcome.Invalid(nameof(form.Role), $"{user.Email} already has the role {form.Role} on this event.");
        }

        db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.CreateVersion7(), EventId = eventId, UserId = user.Id, Role = form.Role, ApproverGroup = approverGroup, AddedAtUtc = clock.GetUtcNow().UtcDateTime });
        audit.Record(db, actor, "team.role-assigned", eventId, nameof(ApplicationUser), user.Id, $"{user.Email}: {form.Role}{(approverGroup is null ? "" : $" for {approverGroup}")}");
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
