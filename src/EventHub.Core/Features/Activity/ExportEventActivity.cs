using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Activity;

/// <summary>The event's activity under the same filters, as a formula-safe CSV in plain words (organisers); audited.</summary>
public sealed class ExportEventActivity(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ExportFile>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, ActivityQuery query, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.ViewActivity))
        {
            return Outcome<ExportFile>.Forbidden();
        }

        if (EventActivity.Validate(query) is { } errors)
        {
            return Outcome<ExportFile>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome<ExportFile>.NotFound();
        }

        var entries = await EventActivity.Filter(db, e, query).OrderBy(a => a.AtUtc).ThenBy(a => a.Id).ToListAsync(ct);
        var items = await EventActivity.DescribeAsync(db, e, entries, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var header = new List<string>
        {
            $"Activity: {e.Title}",
            $"Exported by {actor.Identity?.Name ?? "unknown"} on {EventTime.Format(now, e.TimeZoneId, "d MMMM yyyy, HH:mm")}; times in {e.TimeZoneId}",
            $"{items.Count} {(items.Count == 1 ? "entry" : "entries")}. Confidential.",
        };
        var rows = items.Select(i => (IReadOnlyList<string>)[i.When, i.Who, i.Sentence, i.Label, i.Action]).ToList();
        var file = await SpreadsheetFile.CreateAsync(SpreadsheetFormat.Csv, $"activity-{SpreadsheetFile.Slug(e.Title)}-{EventTime.ToLocal(now, e.TimeZoneId):yyyy-MM-dd}", "Activity",
            header, ["When", "Who", "What happened", "Kind", "Action code"], rows, ct);
        audit.Record(db, actor, "activity.exported", eventId, nameof(Event), eventId.ToString(), $"{items.Count} entries, CSV");
        await db.SaveChangesAsync(ct);
        return Outcome<ExportFile>.Success(file);
    }
}
