using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

public sealed record VersionComparison(int From, int To, string FromMarkdown, string ToMarkdown, TextComparison Diff);

/// <summary>A word-level diff between any two versions of an event's report (either order).</summary>
public sealed class CompareReportVersions(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<VersionComparison>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, int from, int to, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.DraftReport))
        {
            return Outcome<VersionComparison>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reportId = await db.Reports.Where(r => r.EventId == eventId).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);
        if (reportId is null)
        {
            return Outcome<VersionComparison>.NotFound();
        }

        var texts = await db.ReportVersions.AsNoTracking()
            .Where(v => v.ReportId == reportId && (v.Number == from || v.Number == to))
            .ToDictionaryAsync(v => v.Number, v => v.Markdown, ct);
        if (!texts.TryGetValue(from, out var older))
        {
            return Outcome<VersionComparison>.Invalid(nameof(from), $"There is no version {from}.");
        }

        if (!texts.TryGetValue(to, out var newer))
        {
            return Outcome<VersionComparison>.Invalid(nameof(to), $"There is no version {to}.");
        }

        return Outcome<VersionComparison>.Success(new VersionComparison(from, to, older, newer, TextDiff.Words(older, newer)));
    }
}
