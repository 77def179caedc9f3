using System.Security.Claims;
using EventHub.Core.Attribution;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>The report as the editor opens it: the text, the stamp a save must present, and what this user may do.</summary>
public sealed record ReportDraft(
    Guid ReportId,
    Guid EventId,
    string Title,
    string Markdown,
    int CurrentVersion,
    Guid ConcurrencyStamp,
    ReportStatus Status,
    DateTime UpdatedAtUtc,
    string? UpdatedByName,
    string TimeZoneId,
    bool CanEdit,
    bool CanDismissFindings,
    IReadOnlyList<AttributionDismissalRow> Dismissals);

public sealed record AttributionDismissalRow(string FindingKey, string MatchedText, string Reason, string? ByName, DateTime AtUtc);

/// <summary>
/// Opens an event's report for its rapporteurs and organisers (DraftReport). The first opening creates the report from
/// <see cref="ReportTemplate"/> as version 1. Door staff, vetters and other events' staff are refused.
/// </summary>
public sealed class OpenReport(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    /// <summary>The author recorded for version 1, the template the report starts from (a screen shows it in its own words).</summary>
    public const string TemplateAuthor = "Template";

    public async Task<Outcome<ReportDraft>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.DraftReport))
        {
            return Outcome<ReportDraft>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.EventId == eventId, ct);
        if (report is null)
        {
            var e = await db.Events.AsNoTracking()
                .Include(x => x.Organisation).Include(x => x.CoOrganisers).Include(x => x.AgendaItems)
                .AsSplitQuery()
                .SingleOrDefaultAsync(x => x.Id == eventId, ct);
            if (e is null)
            {
                return Outcome<ReportDraft>.NotFound();
            }

            report = await CreateAsync(db, actor, e, ct);
        }

        var canDismiss = await authorization.CanAsync(actor, eventId, EventPermission.Edit);
        var tz = await db.Events.Where(e => e.Id == eventId).Select(e => e.TimeZoneId).SingleAsync(ct);
        var dismissals = await db.AttributionDismissals.AsNoTracking().Where(d => d.ReportId == report.Id)
            .OrderBy(d => d.AtUtc)
            .Select(d => new AttributionDismissalRow(d.FindingKey, d.MatchedText, d.Reason, d.ByName, d.AtUtc))
            .ToListAsync(ct);
        return Outcome<ReportDraft>.Success(new ReportDraft(report.Id, eventId, report.Title, report.Markdown, report.CurrentVersion, report.ConcurrencyStamp,
            report.Status, report.UpdatedAtUtc, report.UpdatedByName, tz, ReportRules.IsEditable(report.Status), canDismiss, dismissals));
    }

    private async Task<Report> CreateAsync(EventHubDbContext db, ClaimsPrincipal actor, Event e, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var registrations = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Approved)
            .Select(r => r.Sector)
            .ToListAsync(ct);
        var studies = await db.EventDocuments.AsNoTracking()
            .Where(d => d.EventId == e.Id && d.DeletedAtUtc == null)
            .OrderBy(d => d.UploadedAtUtc)
            .Select(d => d.Title)
            .ToListAsync(ct);
        ConsentScope? hostConsent = null;
        if (!string.IsNullOrWhiteSpace(e.HostName))
        {
            var consents = await db.OnRecordConsents.AsNoTracking().Where(c => c.EventId == e.Id && c.Status == ConsentStatus.Confirmed).ToListAsync(ct);
            hostConsent = consents.FirstOrDefault(c => c.AgendaItemIds.Count == 0 && AttributionChecker.SameName(c.Name, BuildAttributionContext.SplitTitle(e.HostName).Name))?.Scope;
        }

        var facts = new ReportTemplate.Facts(
            e,
            e.CoOrganisers.Select(o => o.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList(),
            registrations.Count,
            registrations.Where(s => s is not null).Select(s => s!.Value).Distinct().Order().ToList(),
            studies,
            e.AgendaItems.Where(i => i.Confidentiality == ConfidentialityLevel.OnTheRecord).OrderBy(i => i.StartsAtUtc).ThenBy(i => i.SortOrder).ToList(),
            hostConsent);
        var markdown = ReportTemplate.Build(facts);
        var report = new Report
        {
            Id = Guid.CreateVersion7(),
            EventId = e.Id,
            Title = e.Title.Length > 300 ? e.Title[..300] : e.Title,
            Markdown = markdown,
            CurrentVersion = 1,
            Status = ReportStatus.Draft,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            UpdatedByName = actor.Identity?.Name,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        report.Versions.Add(new ReportVersion
        {
            Id = Guid.CreateVersion7(),
            ReportId = report.Id,
            Number = 1,
            Markdown = markdown,
            Autosave = false,
            SavedAtUtc = now,
            SavedByUserId = ReportRules.UserId(actor),
            SavedByName = TemplateAuthor,
        });
        db.Reports.Add(report);
        audit.Record(db, actor, "report.created", e.Id, nameof(Report), report.Id.ToString(), "Started from the template (version 1)");
        try
        {
            await db.SaveChangesAsync(ct);
            return report;
        }
        catch (DbUpdateException)
        {
            // Two people opened the editor for the first time at once: the unique index on EventId kept one report; use it.
            db.ChangeTracker.Clear();
            return await db.Reports.AsNoTracking().SingleAsync(r => r.EventId == e.Id, ct);
        }
    }
}
