using EventHub.Core.Attribution;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Features.Reports;

/// <summary>The non-attribution findings still open on a report: circulation is refused while there is one.</summary>
public interface IOpenFindingsSource
{
    Task<IReadOnlyList<AttributionFinding>> GetOpenFindingsAsync(Guid reportId, CancellationToken ct);
}

/// <summary>
/// The default source: the same context the editor checks against (<see cref="BuildAttributionContext.LoadAsync"/>:
/// everyone connected to the event, their organisations, the confirmed consents, k from configuration), the report's
/// current text, and the findings an organiser dismissed left out (<see cref="AttributionReview.Open"/>).
/// </summary>
public sealed class CheckerOpenFindingsSource(IDbContextFactory<EventHubDbContext> dbFactory, IOptions<ReportOptions> options) : IOpenFindingsSource
{
    public async Task<IReadOnlyList<AttributionFinding>> GetOpenFindingsAsync(Guid reportId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().Where(r => r.Id == reportId).Select(r => new { r.EventId, r.Markdown }).SingleAsync(ct);
        var context = await BuildAttributionContext.LoadAsync(db, report.EventId, options.Value.SmallGroupSize, ct)
            ?? throw new InvalidOperationException($"The event of report {reportId} does not exist.");
        var dismissed = await db.AttributionDismissals.AsNoTracking().Where(d => d.ReportId == reportId).Select(d => d.FindingKey).ToListAsync(ct);
        return AttributionReview.Open(AttributionChecker.Check(report.Markdown, context), dismissed);
    }
}
