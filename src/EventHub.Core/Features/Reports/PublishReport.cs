using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>
/// Publishes the approved report at /reports/{slug}: only its title, date, city and text, never participant data. Refused
/// unless approved (or circulated) with no open non-attribution finding. Organisers only; audited.
/// </summary>
public sealed class PublishReport(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, IOpenFindingsSource findings, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<string>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<string>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.EventId == eventId, ct);
        if (report is null)
        {
            return Outcome<string>.NotFound();
        }

        if (report.PublicSlug is not null)
        {
            return Outcome<string>.Success(report.PublicSlug);
        }

        if (report.Status is not (ReportStatus.Approved or ReportStatus.Circulated))
        {
            return Outcome<string>.Invalid("", $"The report is {SubmitReportForReview.Describe(report.Status)}: only an approved report can be published.");
        }

        var open = await findings.GetOpenFindingsAsync(report.Id, ct);
        if (open.Count > 0)
        {
            return Outcome<string>.Invalid("", $"{open.Count} non-attribution finding{(open.Count == 1 ? " is" : "s are")} open: the report cannot be published until they are resolved.");
        }

        report.PublicSlug = Slug(report.Title);
        report.PublishedAtUtc = clock.GetUtcNow().UtcDateTime;
        report.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(db, actor, "report.published", eventId, nameof(Report), report.Id.ToString(), $"Version {report.CurrentVersion} published at /reports/{report.PublicSlug}.");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<string>.Conflict("The report changed at the same moment. Reload and publish again.");
        }

        return Outcome<string>.Success(report.PublicSlug);
    }

    /// <summary>Readable words of the title and a random suffix, so an unpublished address is not guessed back.</summary>
    public static string Slug(string title)
    {
        var text = title.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var words = builder.ToString().Trim('-');
        if (words.Length > 60)
        {
            words = words[..60].TrimEnd('-');
        }

        var suffix = new string(RandomNumberGenerator.GetItems<char>("abcdefghjkmnpqrstwxyz23456789", 6));
        return words.Length == 0 ? suffix : $"{words}-{suffix}";
    }
}
