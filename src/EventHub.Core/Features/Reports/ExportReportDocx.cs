using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The report as a Word file for the team (those who draft or review it), marked with who exported it and a fresh reference,
/// like a circulated copy, so that a team copy that leaks is traced too. Audited.
/// </summary>
public sealed class ExportReportDocx(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<Outcome<ReportFile>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await ReportWorkflow.CanReadAsync(authorization, actor, eventId))
        {
            return Outcome<ReportFile>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.EventId == eventId, ct);
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (report is null || e is null)
        {
            return Outcome<ReportFile>.NotFound();
        }

        var who = actor.Identity?.Name ?? "a team member";
        var reference = ReportCirculationMailer.NewReference();
        var status = report.Status is ReportStatus.Approved or ReportStatus.Circulated ? "" : $"{report.Status} version {report.CurrentVersion}, not approved. ";
        var marking = $"{status}Team copy prepared for {who} on {ReportCirculationMailer.LocalDate(clock.GetUtcNow().UtcDateTime, e.TimeZoneId, "d MMM yyyy")}, ref {reference}; not for onward distribution.";
        var content = ReportWordDocument.Build(new WordReport(report.Title, ReportCirculationMailer.Facts(e), report.Markdown, marking));
        audit.Record(db, actor, "report.exported", eventId, nameof(Report), report.Id.ToString(), $"Word copy of version {report.CurrentVersion} exported, ref {reference}.");
        await db.SaveChangesAsync(ct);
        return Outcome<ReportFile>.Success(new ReportFile(ReportCirculationMailer.FileName(report.Title, reference), ContentType, content));
    }
}
