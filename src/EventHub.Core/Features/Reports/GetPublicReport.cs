using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>What the public page shows: the title, the date, the city and the text. No participant data.</summary>
public sealed record PublicReport(string Title, string Date, string? City, string? Organisation, string Html)
{
    /// <summary>The event's start and zone, for a page that writes the date in its reader's language.</summary>
    public DateTime? StartsAtUtc { get; init; }
    public string? TimeZoneId { get; init; }
}

/// <summary>A published, approved report by its public address; anything else is not found.</summary>
public sealed class GetPublicReport(IDbContextFactory<EventHubDbContext> dbFactory, MarkdownRenderer markdown)
{
    public async Task<Outcome<PublicReport>> ExecuteAsync(string slug, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(slug) || slug.Length > 100)
        {
            return Outcome<PublicReport>.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Reports.AsNoTracking()
            .Where(r => r.PublicSlug == slug && (r.Status == ReportStatus.Approved || r.Status == ReportStatus.Circulated))
            .Select(r => new { r.Title, r.Markdown, r.Event!.StartsAtUtc, r.Event.TimeZoneId, r.Event.City, Organisation = r.Event.Organisation!.Name })
            .SingleOrDefaultAsync(ct);
        return found is null
            ? Outcome<PublicReport>.NotFound()
            : Outcome<PublicReport>.Success(new PublicReport(found.Title, ReportCirculationMailer.LocalDate(found.StartsAtUtc, found.TimeZoneId), found.City, found.Organisation,
                markdown.ToSafeHtml(found.Markdown)) { StartsAtUtc = found.StartsAtUtc, TimeZoneId = found.TimeZoneId });
    }
}
