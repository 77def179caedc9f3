using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

public sealed class DismissalForm
{
    [Required(ErrorMessage = "The finding to dismiss is missing.")]
    [StringLength(400, ErrorMessage = "The finding's key is too long to store; shorten the flagged text.")]
    public string FindingKey { get; set; } = "";

    [Required(ErrorMessage = "The flagged text is missing.")]
    public string MatchedText { get; set; } = "";

    [Required(ErrorMessage = "Say why this is not an attribution (e.g. \"the study's author, published\").")]
    [StringLength(2000, ErrorMessage = "The reason can be at most 2,000 characters.")]
    public string Reason { get; set; } = "";
}

/// <summary>
/// An organiser decides that a finding is not an attribution, with a reason; audited. The dismissal holds for the
/// finding's key (rule, text, whom it points to), so it survives edits elsewhere in the text; a new kind of mention is a new finding.
/// </summary>
public sealed class DismissFinding(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid reportId, DismissalForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().Where(r => r.Id == reportId).Select(r => new { r.EventId, r.Status }).SingleOrDefaultAsync(ct);
        if (report is null)
        {
            return Outcome.NotFound();
        }

        if (!await authorization.CanAsync(actor, report.EventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        form.Reason = form.Reason?.Trim() ?? "";
        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome.Invalid(errors);
        }

        if (report.Status == ReportStatus.Circulated)
        {
            return Outcome.Invalid("", ReportRules.NotEditableMessage(report.Status));
        }

        if (await db.AttributionDismissals.AnyAsync(d => d.ReportId == reportId && d.FindingKey == form.FindingKey, ct))
        {
            return Outcome.Invalid("", $"“{form.MatchedText}” was already dismissed.");
        }

        var dismissal = new AttributionDismissal
        {
            Id = Guid.CreateVersion7(),
            ReportId = reportId,
            FindingKey = form.FindingKey,
            MatchedText = form.MatchedText.Length > 300 ? form.MatchedText[..299] + "…" : form.MatchedText,
            Reason = form.Reason,
            ByUserId = ReportRules.UserId(actor),
            ByName = actor.Identity?.Name,
            AtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.AttributionDismissals.Add(dismissal);
        audit.Record(db, actor, "report.finding-dismissed", report.EventId, nameof(AttributionDismissal), dismissal.Id.ToString(), $"“{dismissal.MatchedText}” ({form.FindingKey}): {form.Reason}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome.Invalid("", $"“{form.MatchedText}” was already dismissed.");
        }

        return Outcome.Success();
    }
}
