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
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string? Email { get; set; }

    public EventRole Role { get; set; } = EventRole.Vetter;
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
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            return Outcome.NotFound();
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

        db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.CreateVersion7(), EventId = eventId, UserId = user.Id, Role = form.Role, AddedAtUtc = clock.GetUtcNow().UtcDateTime });
        audit.Record(db, actor, "team.role-assigned", eventId, nameof(ApplicationUser), user.Id, $"{user.Email}: {form.Role}");
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
