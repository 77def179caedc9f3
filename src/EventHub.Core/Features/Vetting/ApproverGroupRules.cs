using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Vetting;

/// <summary>Which group a decision counts for, and when the groups' decisions approve or reject a registration.</summary>
public static class ApproverGroupRules
{
    public const string Organiser = "Organiser";

    /// <summary>
    /// The group the actor decides for: the group of their vetter or host-reviewer role on this event; organisers decide for
    /// "Organiser"; administrators for the group they choose, or "Organiser". Null when they decide for no group.
    /// </summary>
    public static async Task<string?> ResolveAsync(EventHubDbContext db, ClaimsPrincipal actor, Event e, string? chosen, CancellationToken ct)
    {
        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        var rows = await db.EventTeamMembers.AsNoTracking()
            .Where(t => t.EventId == e.Id && t.UserId == userId)
            .Select(t => new { t.Role, t.ApproverGroup })
            .ToListAsync(ct);
        var mine = rows.Where(r => r.Role is EventRole.Vetter or EventRole.HostReviewer && !string.IsNullOrWhiteSpace(r.ApproverGroup))
            .Select(r => r.ApproverGroup!).ToList();
        if (rows.Any(r => r.Role == EventRole.Organiser) || actor.IsInRole(Roles.Administrator))
        {
            mine.Add(Organiser);
        }

        if (actor.IsInRole(Roles.Administrator))
        {
            return string.IsNullOrWhiteSpace(chosen) ? Organiser : chosen.Trim();
        }

        if (!string.IsNullOrWhiteSpace(chosen) && mine.Contains(chosen.Trim(), StringComparer.Ordinal))
        {
            return chosen.Trim();
        }

        if (e.ApproverGroups.Count == 0)
        {
            // One approval by anyone who may vet decides; the group is recorded for the history only.
            return mine.FirstOrDefault() ?? rows.Select(r => r.Role.ToString()).FirstOrDefault();
        }

        return mine.FirstOrDefault(e.ApproverGroups.Contains);
    }

    /// <summary>Approved when every required group has a current approval (with no groups, one approval); rejected on any current rejection.</summary>
    public static RegistrationStatus? Outcome(IReadOnlyList<string> requiredGroups, IEnumerable<RegistrationApproval> approvals)
    {
        var current = approvals.Where(a => !a.Superseded).ToList();
        if (current.Any(a => a.Decision == VettingDecision.Rejected))
        {
            return RegistrationStatus.Rejected;
        }

        var approvedGroups = current.Where(a => a.Decision == VettingDecision.Approved).Select(a => a.Group).ToHashSet(StringComparer.Ordinal);
        var approved = requiredGroups.Count == 0 ? approvedGroups.Count > 0 : requiredGroups.All(approvedGroups.Contains);
        return approved ? RegistrationStatus.Approved : null;
    }
}
