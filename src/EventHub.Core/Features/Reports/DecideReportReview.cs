using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

public sealed class ReviewForm : IValidatableObject
{
    public ReviewDecision Decision { get; set; } = ReviewDecision.Approved;

    /// <summary>The reviewer group decided for; needed only when the reviewer may decide for more than one (organisers).</summary>
    public string? Group { get; set; }

    [StringLength(4000, ErrorMessage = "The comment can be at most 4,000 characters.")]
    public string? Comment { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Decision == ReviewDecision.ChangesRequested && string.IsNullOrWhiteSpace(Comment))
        {
            yield return new ValidationResult("Say which changes you need: the rapporteur works from your comment.", [nameof(Comment)]);
        }
    }
}

public sealed record ReviewResult(ReportStatus Status, string Message);

/// <summary>
/// One reviewer group's decision on the submitted version. Any request for changes sends the report back to drafting;
/// when every required group has approved the current version, the report is Approved. Audited.
/// </summary>
public sealed class DecideReportReview(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ReviewResult>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, ReviewForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.ReviewReport))
        {
            return Outcome<ReviewResult>.Forbidden();
        }

        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome<ReviewResult>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.Include(r => r.Reviews).SingleOrDefaultAsync(r => r.EventId == eventId, ct);
        if (report is null)
        {
            return Outcome<ReviewResult>.NotFound();
        }

        if (report.Status != ReportStatus.InReview)
        {
            return Outcome<ReviewResult>.Conflict($"The report is {SubmitReportForReview.Describe(report.Status)}, not in review: there is nothing to decide now.");
        }

        var mine = await ReportWorkflow.GroupsActorDecidesForAsync(db, actor, report, ct);
        string group;
        if (!string.IsNullOrWhiteSpace(form.Group))
        {
            var chosen = mine.FirstOrDefault(g => string.Equals(g, form.Group.Trim(), StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                return Outcome<ReviewResult>.Invalid(nameof(form.Group), $"You do not decide for “{form.Group.Trim()}”. This report needs: {string.Join(", ", report.RequiredReviewGroups)}.");
            }

            group = chosen;
        }
        else if (mine.Count == 1)
        {
            group = mine[0];
        }
        else if (mine.Count == 0)
        {
            return Outcome<ReviewResult>.Invalid(nameof(form.Group),
                $"You review for no group this report needs ({string.Join(", ", report.RequiredReviewGroups)}). An organiser can set your group on the Team page.");
        }
        else
        {
            return Outcome<ReviewResult>.Invalid(nameof(form.Group), "Choose the group you decide for.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var earlier in report.Reviews.Where(r => !r.Superseded && r.Group == group))
        {
            earlier.Superseded = true;
        }

        var review = new ReportReview
        {
            Id = Guid.CreateVersion7(),
            ReportId = report.Id,
            Group = group,
            Decision = form.Decision,
            VersionNumber = report.CurrentVersion,
            Comment = ReportWorkflow.Trim(form.Comment),
            ReviewerUserId = actor.FindFirstValue(ClaimTypes.NameIdentifier),
            ReviewerName = actor.Identity?.Name,
            AtUtc = now,
        };
        report.Reviews.Add(review);
        db.ReportReviews.Add(review);

        string message;
        if (form.Decision == ReviewDecision.ChangesRequested)
        {
            report.Status = ReportStatus.ChangesRequested;
            message = $"{group} asked for changes: the report is back with the rapporteur.";
            audit.Record(db, actor, "report.changes-requested", eventId, nameof(Report), report.Id.ToString(), $"{group} asked for changes to version {report.CurrentVersion}: {review.Comment}");
        }
        else
        {
            audit.Record(db, actor, "report.review-approved", eventId, nameof(Report), report.Id.ToString(), $"{group} approved version {report.CurrentVersion}{(review.Comment is null ? "" : $": {review.Comment}")}");
            if (ReportWorkflow.AllApproved(report))
            {
                report.Status = ReportStatus.Approved;
                message = $"{group} approved. Every required group has approved: the report can be circulated.";
                audit.Record(db, actor, "report.approved", eventId, nameof(Report), report.Id.ToString(), $"Version {report.CurrentVersion} approved by {string.Join(", ", report.RequiredReviewGroups)}.");
            }
            else
            {
                var waiting = ReportWorkflow.GroupStates(report).Where(s => s.Decision != ReviewDecision.Approved).Select(s => s.Group);
                message = $"{group} approved; waiting for {string.Join(", ", waiting)}.";
            }
        }

        report.UpdatedAtUtc = now;
        report.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ReviewResult>.Conflict("The report changed while you were deciding (a new version was saved, or someone else decided). Reload to see the current text.");
        }

        return Outcome<ReviewResult>.Success(new ReviewResult(report.Status, message));
    }
}
