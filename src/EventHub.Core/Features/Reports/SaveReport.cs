using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

public sealed class ReportSaveForm
{
    public string Markdown { get; set; } = "";

    /// <summary>The stamp the editor loaded (or got from its last save): the text it changed.</summary>
    public Guid ExpectedStamp { get; set; }

    /// <summary>Saved by the editor after typing stopped, not by the Save button.</summary>
    public bool Autosave { get; set; }
}

/// <summary>What is now stored; on a conflict, <see cref="Conflict"/> holds both texts and nothing was written.</summary>
public sealed record ReportSaveResult(int Version, Guid Stamp, DateTime SavedAtUtc, string Message, ReportConflict? Conflict = null)
{
    /// <summary>The text was already the stored version's: nothing was written, and <see cref="Message"/> says so.</summary>
    public bool Unchanged { get; init; }
}

/// <summary>Someone else saved first: their text (now the report's), and the text this editor tried to save, returned untouched.</summary>
public sealed record ReportConflict(string TheirMarkdown, int TheirVersion, Guid TheirStamp, string? TheirName, DateTime TheirSavedAtUtc, string YourMarkdown);

/// <summary>
/// Saves the report's text. Every explicit save adds a version; an autosave adds one too, except that consecutive autosaves
/// by the same person replace that person's last autosave version (so typing for an hour leaves one autosave, not 1,200),
/// and an unchanged text adds nothing. The editor presents the stamp of the text it changed: when someone else saved in
/// between, the save is refused with <see cref="OutcomeStatus.Conflict"/> carrying both texts, and nothing is written.
/// Explicit saves are audited; autosaves are not (they are in the version history).
/// </summary>
public sealed class SaveReport(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ReportSaveResult>> ExecuteAsync(ClaimsPrincipal actor, Guid reportId, ReportSaveForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return Outcome<ReportSaveResult>.NotFound();
        }

        if (!await authorization.CanAsync(actor, report.EventId, EventPermission.DraftReport))
        {
            return Outcome<ReportSaveResult>.Forbidden();
        }

        var markdown = (form.Markdown ?? "").Replace("\r\n", "\n");
        if (markdown.Length > ReportRules.MaxMarkdownLength)
        {
            return Outcome<ReportSaveResult>.Invalid(nameof(form.Markdown), $"The report can be at most {ReportRules.MaxMarkdownLength:N0} characters; it has {markdown.Length:N0}.");
        }

        if (string.IsNullOrWhiteSpace(markdown))
        {
            return Outcome<ReportSaveResult>.Invalid(nameof(form.Markdown), "The report is empty. Write the report, or take an earlier version from the history.");
        }

        if (!ReportRules.IsEditable(report.Status))
        {
            return Outcome<ReportSaveResult>.Invalid("", ReportRules.NotEditableMessage(report.Status));
        }

        if (report.ConcurrencyStamp != form.ExpectedStamp)
        {
            return await ConflictAsync(db, report, markdown, ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = ReportRules.UserId(actor);
        var latest = await db.ReportVersions.SingleOrDefaultAsync(v => v.ReportId == report.Id && v.Number == report.CurrentVersion, ct);
        string message;
        if (latest is not null && latest.Markdown == markdown && report.Markdown == markdown)
        {
            if (form.Autosave || !latest.Autosave)
            {
                return Outcome<ReportSaveResult>.Success(new ReportSaveResult(report.CurrentVersion, report.ConcurrencyStamp, report.UpdatedAtUtc, $"No changes since version {report.CurrentVersion}.") { Unchanged = true });
            }

            // Save pressed on a text that was just autosaved: that version becomes a saved one.
            latest.Autosave = false;
            latest.SavedAtUtc = now;
            latest.SavedByUserId = userId;
            latest.SavedByName = actor.Identity?.Name;
            message = $"Saved as version {latest.Number}.";
        }
        else if (form.Autosave && latest is { Autosave: true } && latest.SavedByUserId == userId && userId is not null)
        {
            latest.Markdown = markdown;
            latest.SavedAtUtc = now;
            message = $"Autosaved (version {latest.Number}).";
        }
        else
        {
            var number = report.CurrentVersion + 1;
            db.ReportVersions.Add(new ReportVersion
            {
                Id = Guid.CreateVersion7(),
                ReportId = report.Id,
                Number = number,
                Markdown = markdown,
                Autosave = form.Autosave,
                SavedAtUtc = now,
                SavedByUserId = userId,
                SavedByName = actor.Identity?.Name,
            });
            report.CurrentVersion = number;
            message = form.Autosave ? $"Autosaved (version {number})." : $"Saved as version {number}.";
        }

        if (report.Markdown != markdown)
        {
            await ReportWorkflow.ReturnToDraftOnEditAsync(db, audit, actor, report, ct);
        }

        report.Markdown = markdown;
        report.UpdatedAtUtc = now;
        report.UpdatedByName = actor.Identity?.Name;
        report.ConcurrencyStamp = Guid.NewGuid();
        if (!form.Autosave)
        {
            audit.Record(db, actor, "report.saved", report.EventId, nameof(Report), report.Id.ToString(), $"Version {report.CurrentVersion} ({markdown.Length:N0} characters)");
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved between our read and our write: the stamp check in the UPDATE (or the unique version number) refused us.
            db.ChangeTracker.Clear();
            var current = await db.Reports.SingleAsync(r => r.Id == reportId, ct);
            return await ConflictAsync(db, current, markdown, ct);
        }

        return Outcome<ReportSaveResult>.Success(new ReportSaveResult(report.CurrentVersion, report.ConcurrencyStamp, now, message));
    }

    private static async Task<Outcome<ReportSaveResult>> ConflictAsync(EventHubDbContext db, Report current, string yours, CancellationToken ct)
    {
        var by = await db.ReportVersions.AsNoTracking()
            .Where(v => v.ReportId == current.Id && v.Number == current.CurrentVersion)
            .Select(v => v.SavedByName)
            .SingleOrDefaultAsync(ct) ?? current.UpdatedByName;
        var conflict = new ReportConflict(current.Markdown, current.CurrentVersion, current.ConcurrencyStamp, by, current.UpdatedAtUtc, yours);
        return Outcome<ReportSaveResult>.Conflict(
            $"{by ?? "Someone"} saved version {current.CurrentVersion} while you were editing. Your text was not saved and is kept here: take theirs, keep yours, or copy yours.",
            new ReportSaveResult(current.CurrentVersion, current.ConcurrencyStamp, current.UpdatedAtUtc, "Not saved: conflict.", conflict));
    }
}
