using System.Security.Claims;
using EventHub.Core.Attribution;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>What a circulation to the chosen audiences would do, and what stands in its way.</summary>
public sealed record CirculationPreview(
    ReportStatus Status,
    IReadOnlyList<CirculationCandidate> Recipients,
    int WithoutEmail,
    IReadOnlyList<CirculationCandidate> AlreadyReceived,
    IReadOnlyList<AttributionFinding> OpenFindings,
    IReadOnlyList<string> Blockers)
{
    public bool CanSend => Blockers.Count == 0 && Recipients.Count > 0;
}

/// <summary>The recipients a circulation would reach (count and list), and why it could not go now. Organisers only.</summary>
public sealed class PreviewCirculation(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, IOpenFindingsSource findings)
{
    /// <param name="sessions">The agenda items whose attendees <see cref="CirculationAudience.SessionAttendees"/> addresses.</param>
    public async Task<Outcome<CirculationPreview>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, IReadOnlyCollection<CirculationAudience> audiences, CancellationToken ct = default, IReadOnlyCollection<Guid>? sessions = null)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<CirculationPreview>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.EventId == eventId, ct);
        if (report is null)
        {
            return Outcome<CirculationPreview>.NotFound();
        }

        var resolution = await CirculationAudiences.ResolveAsync(db, report, audiences, ct, sessions ?? []);
        var open = await findings.GetOpenFindingsAsync(report.Id, ct);
        var blockers = Blockers(report.Status, open.Count, audiences.Count).ToList();
        if (await CirculationAudiences.SessionProblemAsync(db, eventId, audiences, sessions ?? [], ct) is { } problem)
        {
            blockers.Add(problem);
        }

        return Outcome<CirculationPreview>.Success(new CirculationPreview(report.Status, resolution.Recipients, resolution.WithoutEmail, resolution.AlreadyReceived, open, blockers));
    }

    /// <summary>Why a circulation cannot go now (empty: it can).</summary>
    public static IReadOnlyList<string> Blockers(ReportStatus status, int openFindings, int audienceCount)
    {
        var blockers = new List<string>();
        if (status is not (ReportStatus.Approved or ReportStatus.Circulated))
        {
            blockers.Add($"The report is {SubmitReportForReview.Describe(status)}: it can be circulated only once every required reviewer group has approved it.");
        }

        if (openFindings > 0)
        {
            blockers.Add($"{openFindings} non-attribution finding{(openFindings == 1 ? " is" : "s are")} open: reword the passage{(openFindings == 1 ? "" : "s")} in the editor, or an organiser dismisses {(openFindings == 1 ? "it" : "them")} with a reason.");
        }

        if (audienceCount == 0)
        {
            blockers.Add("Choose at least one audience.");
        }

        return blockers;
    }
}
