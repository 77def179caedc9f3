using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

public sealed record ReportVersionRow(int Number, bool Autosave, DateTime SavedAtUtc, string? SavedByName, int Characters);

public sealed record ReportHistory(Guid ReportId, Guid EventId, string TimeZoneId, int CurrentVersion, IReadOnlyList<ReportVersionRow> Versions);

/// <summary>The versions of an event's report, newest first, for those who draft it.</summary>
public sealed class ListReportVersions(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<ReportHistory>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.DraftReport))
        {
            return Outcome<ReportHistory>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().Where(r => r.EventId == eventId)
            .Select(r => new { r.Id, r.CurrentVersion, r.Event!.TimeZoneId })
            .SingleOrDefaultAsync(ct);
        if (report is null)
        {
            return Outcome<ReportHistory>.NotFound();
        }

        var versions = await db.ReportVersions.AsNoTracking().Where(v => v.ReportId == report.Id)
            .OrderByDescending(v => v.Number)
            .Select(v => new ReportVersionRow(v.Number, v.Autosave, v.SavedAtUtc, v.SavedByName, v.Markdown.Length))
            .ToListAsync(ct);
        return Outcome<ReportHistory>.Success(new ReportHistory(report.Id, eventId, report.TimeZoneId, report.CurrentVersion, versions));
    }
}
