using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Vetting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>One required reviewer group's standing in the current review round.</summary>
public sealed record ReviewGroupState(string Group, ReviewDecision? Decision, string? ReviewerName, DateTime? AtUtc, string? Comment, int? VersionNumber);

/// <summary>
/// The review workflow's rules, shared by its use cases and by the editor:
/// Draft → InReview (submitted) → ChangesRequested (any group asks for changes; back to drafting) or Approved (every required
/// group approved the current version) → Circulated. A new submission supersedes the earlier round's decisions.
/// </summary>
public static class ReportWorkflow
{
    public const int MaxGroups = 10;
    public const int MaxGroupLength = 100;

    /// <summary>
    /// The reviewer groups a report needs unless the organiser chooses others: the event's approver groups except "Organiser"
    /// (the organisers write and submit the report), plus the groups of the event's host reviewers; when that leaves none,
    /// "Organiser", so that someone still approves explicitly. When the event names its report reviewer groups, those.
    /// </summary>
    public static async Task<List<string>> DefaultReviewGroupsAsync(EventHubDbContext db, Event e, CancellationToken ct)
    {
        if (e.ReportReviewerGroups.Count > 0)
        {
            return [.. e.ReportReviewerGroups];
        }

        var hostGroups = await db.EventTeamMembers.AsNoTracking()
            .Where(t => t.EventId == e.Id && t.Role == EventRole.HostReviewer && t.ApproverGroup != null)
            .Select(t => t.ApproverGroup!)
            .ToListAsync(ct);
        var groups = e.ApproverGroups.Where(g => !string.Equals(g, ApproverGroupRules.Organiser, StringComparison.OrdinalIgnoreCase))
            .Concat(hostGroups.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).Order(StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return groups.Count > 0 ? groups : [ApproverGroupRules.Organiser];
    }

    /// <summary>Each required group with its current (not superseded) decision, if any.</summary>
    public static IReadOnlyList<ReviewGroupState> GroupStates(Report report)
        => report.RequiredReviewGroups.Select(g =>
        {
            var current = report.Reviews.Where(r => !r.Superseded && r.Group == g).OrderByDescending(r => r.AtUtc).FirstOrDefault();
            return new ReviewGroupState(g, current?.Decision, current?.ReviewerName, current?.AtUtc, current?.Comment, current?.VersionNumber);
        }).ToList();

    /// <summary>Every required group has a current approval of the current version.</summary>
    public static bool AllApproved(Report report)
        => report.RequiredReviewGroups.Count > 0 && report.RequiredReviewGroups.All(g => report.Reviews.Any(r =>
            !r.Superseded && r.Group == g && r.Decision == ReviewDecision.Approved && r.VersionNumber == report.CurrentVersion));

    /// <summary>A circulated report is final: its text can no longer change (the copies sent carry it).</summary>
    public static bool IsLocked(ReportStatus status) => status == ReportStatus.Circulated;

    /// <summary>
    /// For the editor's save: a change to the text of a report that is in review or approved sends it back to Draft, supersedes
    /// the reviews given so far (they approved other words), takes it off the public page and records why. Call it after
    /// changing <see cref="Report.Markdown"/> and before SaveChanges (it saves nothing). Returns whether the status changed.
    /// Refuse the save yourself when <see cref="IsLocked"/>.
    /// </summary>
    public static async Task<bool> ReturnToDraftOnEditAsync(EventHubDbContext db, AuditLog audit, ClaimsPrincipal actor, Report report, CancellationToken ct)
    {
        if (report.Status is not (ReportStatus.InReview or ReportStatus.Approved))
        {
            return false;
        }

        var previous = report.Status;
        var reviews = await db.ReportReviews.Where(r => r.ReportId == report.Id && !r.Superseded).ToListAsync(ct);
        foreach (var review in reviews)
        {
            review.Superseded = true;
        }

        report.Status = ReportStatus.Draft;
        var wasPublic = report.PublicSlug is not null;
        report.PublicSlug = null;
        report.PublishedAtUtc = null;
        audit.Record(db, actor, "report.returned-to-draft", report.EventId, nameof(Report), report.Id.ToString(),
            $"The text of the {(previous == ReportStatus.Approved ? "approved" : "submitted")} report changed (version {report.CurrentVersion}): back to Draft, {reviews.Count} review decision(s) superseded{(wasPublic ? ", public page withdrawn" : "")}.");
        return true;
    }

    /// <summary>Reading the report (draft included): those who draft it and those who review it. Door staff and vetters do not.</summary>
    public static async Task<bool> CanReadAsync(IAuthorizationService authorization, ClaimsPrincipal actor, Guid eventId)
        => await authorization.CanAsync(actor, eventId, EventPermission.DraftReport) || await authorization.CanAsync(actor, eventId, EventPermission.ReviewReport);

    /// <summary>
    /// The groups the actor may decide for: a host reviewer for their own group (when the report requires it); organisers and
    /// administrators for any required group.
    /// </summary>
    public static async Task<IReadOnlyList<string>> GroupsActorDecidesForAsync(EventHubDbContext db, ClaimsPrincipal actor, Report report, CancellationToken ct)
    {
        if (actor.IsInRole(Roles.Administrator))
        {
            return report.RequiredReviewGroups;
        }

        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        var rows = await db.EventTeamMembers.AsNoTracking()
            .Where(t => t.EventId == report.EventId && t.UserId == userId)
            .Select(t => new { t.Role, t.ApproverGroup })
            .ToListAsync(ct);
        if (rows.Any(r => r.Role == EventRole.Organiser))
        {
            return report.RequiredReviewGroups;
        }

        var own = rows.Where(r => r.Role == EventRole.HostReviewer && r.ApproverGroup is not null).Select(r => r.ApproverGroup!.Trim()).ToList();
        return report.RequiredReviewGroups.Where(g => own.Contains(g, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    public static IReadOnlyDictionary<string, string[]>? ValidateGroups(IReadOnlyList<string> groups, out List<string> cleaned)
    {
        cleaned = groups.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (cleaned.Count == 0)
        {
            return new Dictionary<string, string[]> { ["Groups"] = ["Name at least one reviewer group (for example Host office)."] };
        }

        if (cleaned.FirstOrDefault(g => g.Length > MaxGroupLength) is { } tooLong)
        {
            return new Dictionary<string, string[]> { ["Groups"] = [$"“{tooLong[..20]}…” is too long: a group name can be at most {MaxGroupLength} characters."] };
        }

        if (cleaned.Count > MaxGroups)
        {
            return new Dictionary<string, string[]> { ["Groups"] = [$"At most {MaxGroups} reviewer groups."] };
        }

        return null;
    }

    internal static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
