using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>
/// Sends the report to its reviewers: Draft or Changes requested → In review, with the reviewer groups whose approval it
/// needs (those given, or the defaults of <see cref="ReportWorkflow.DefaultReviewGroupsAsync"/>). Earlier decisions are
/// superseded: every group decides on the submitted version.
/// </summary>
public sealed class SubmitReportForReview(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, IReadOnlyList<string>? groups = null, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.DraftReport))
        {
            return Outcome.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.Include(r => r.Reviews).SingleOrDefaultAsync(r => r.EventId == eventId, ct);
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (report is null || e is null)
        {
            return Outcome.NotFound();
        }

        if (report.Status is not (ReportStatus.Draft or ReportStatus.ChangesRequested))
        {
            return Outcome.Conflict($"The report is {Describe(report.Status)}: it cannot be submitted again now.");
        }

        if (string.IsNullOrWhiteSpace(report.Markdown))
        {
            return Outcome.Invalid("", "The report is empty: write it before submitting it for review.");
        }

        var requested = groups is { Count: > 0 } ? groups : await ReportWorkflow.DefaultReviewGroupsAsync(db, e, ct);
        if (ReportWorkflow.ValidateGroups(requested, out var cleaned) is { } errors)
        {
            return Outcome.Invalid(errors);
        }

        var superseded = 0;
        foreach (var review in report.Reviews.Where(r => !r.Superseded))
        {
            review.Superseded = true;
            superseded++;
        }

        report.RequiredReviewGroups = cleaned;
        report.Status = ReportStatus.InReview;
        report.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        report.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(db, actor, "report.submitted", eventId, nameof(Report), report.Id.ToString(),
            $"Version {report.CurrentVersion} submitted for review by {string.Join(", ", cleaned)}{(superseded > 0 ? $"; {superseded} earlier decision(s) superseded" : "")}.");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict("The report changed at the same moment (a save or a decision). Reload and submit again.");
        }

        return Outcome.Success();
    }

    internal static string Describe(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "a draft",
        ReportStatus.InReview => "in review",
        ReportStatus.ChangesRequested => "waiting for the requested changes",
        ReportStatus.Approved => "approved",
        _ => "circulated",
    };
}
