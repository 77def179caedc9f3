using System.Security.Claims;
using EventHub.Core.Attribution;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>
/// The non-attribution findings of the report's current text that no organiser dismissed: what blocks circulation.
/// For those who draft or review the report. It fails closed: if the check cannot run, the exception propagates.
/// </summary>
public sealed class GetOpenFindings(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, IOpenFindingsSource findings)
{
    public async Task<Outcome<IReadOnlyList<AttributionFinding>>> ExecuteAsync(ClaimsPrincipal actor, Guid reportId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().Where(r => r.Id == reportId).Select(r => new { r.EventId }).SingleOrDefaultAsync(ct);
        if (report is null)
        {
            return Outcome<IReadOnlyList<AttributionFinding>>.NotFound();
        }

        if (!await authorization.CanAsync(actor, report.EventId, EventPermission.DraftReport) && !await authorization.CanAsync(actor, report.EventId, EventPermission.ReviewReport))
        {
            return Outcome<IReadOnlyList<AttributionFinding>>.Forbidden();
        }

        return Outcome<IReadOnlyList<AttributionFinding>>.Success(await findings.GetOpenFindingsAsync(reportId, ct));
    }
}

/// <summary>What the editor and circulation share: a finding is open unless its key was dismissed.</summary>
public static class AttributionReview
{
    public static IReadOnlyList<AttributionFinding> Open(IEnumerable<AttributionFinding> findings, IEnumerable<string> dismissedKeys)
    {
        var dismissed = dismissedKeys.ToHashSet(StringComparer.Ordinal);
        return findings.Where(f => !dismissed.Contains(f.Key)).OrderBy(f => f.Start).ToList();
    }
}
