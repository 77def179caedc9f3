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
        var e = await db.Events.AsNoTracking().Where(x => x.Id == eventId).Select(x => new { x.ApproverGroups, x.ReportReviewerGroups }).SingleOrDefaultAsync(ct);
        if (e is null)
        {
            return Outcome.NotFound();
        }

        // Vetters decide for a registration approver group; host reviewers for a report reviewer group (or, to vet as well, an approver group).
        var groups = GroupsFor(form.Role, e.ApproverGroups, e.ReportReviewerGroups);

        var approverGroup = string.IsNullOrWhiteSpace(form.ApproverGroup) ? null : form.ApproverGroup.Trim();
        if (approverGroup is not null && form.Role is not (EventRole.Vetter or EventRole.HostReviewer))
        {
            return Outcome.Invalid(nameof(form.ApproverGroup), "Only vetters and host reviewers decide for an approver group.");
        }

        if (approverGroup is not null && !groups.Contains(approverGroup))
        {
            var kind = form.Role == EventRole.HostReviewer ? "report reviewer or approver groups" : "approver groups";
            return Outcome.Invalid(nameof(form.ApproverGroup), groups.Count == 0
                ? form.Role == EventRole.HostReviewer
                    ? "This event has no report reviewer groups: name them on the Team page first."
                    : "This event has no approver groups: set them on the Vet page first."
                : $"Choose one of the event's {kind}: {string.Join(", ", groups)}.");
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

    /// <summary>The groups a team member in this role may decide for: report reviewer groups first for host reviewers.</summary>
    public static IReadOnlyList<string> GroupsFor(EventRole role, IReadOnlyList<string> approverGroups, IReadOnlyList<string> reportReviewerGroups) => role switch
    {
        EventRole.Vetter => approverGroups,
        EventRole.HostReviewer => reportReviewerGroups.Concat(approverGroups.Where(g => g != Vetting.ApproverGroupRules.Organiser)).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        _ => [],
    };
}
