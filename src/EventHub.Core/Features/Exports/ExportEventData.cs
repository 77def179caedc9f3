using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EventHub.Core.Features.Exports;

/// <summary>What an organiser can export from an event.</summary>
public enum EventDataset
{
    Registrations,
    Invitations,
    CheckIns,
}

/// <summary>
/// The event's registrations (with their approvals, tags and answers), invitations or check-ins as CSV or XLSX, for the
/// event's organisers only. Times are in the event's time zone with its abbreviation; every cell is formula-safe
/// (<see cref="SpreadsheetFile"/>); security data is never included (the access list is for that); every export is audited.
/// </summary>
public sealed class ExportEventData(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock, IStringLocalizer<PlainWords> words)
{
    public async Task<Outcome<ExportFile>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, EventDataset dataset, SpreadsheetFormat format, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.ExportRegistrations))
        {
            return Outcome<ExportFile>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome<ExportFile>.NotFound();
        }

        string When(DateTime? utc) => utc is { } at ? EventTime.Format(at, e.TimeZoneId, "yyyy-MM-dd HH:mm") : "";
        var (labels, rows) = dataset switch
        {
            EventDataset.Invitations => await InvitationsAsync(db, eventId, When, ct),
            EventDataset.CheckIns => await CheckInsAsync(db, eventId, When, ct),
            _ => await RegistrationsAsync(db, eventId, When, ct),
        };

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        var exporter = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(ct);
        var what = Name(dataset);
        var header = new List<string>
        {
            $"{what}: {e.Title}",
            $"Exported by {(exporter is null ? actor.Identity?.Name ?? "unknown" : $"{exporter.DisplayName} <{exporter.Email}>")} on {EventTime.Format(now, e.TimeZoneId, "d MMMM yyyy, HH:mm")}",
            $"{rows.Count} {(rows.Count == 1 ? "row" : "rows")}. Confidential: personal data of the event's participants; keep it only as long as it is needed.",
        };
        var file = await SpreadsheetFile.CreateAsync(format, $"{what}-{SpreadsheetFile.Slug(e.Title)}-{EventTime.ToLocal(now, e.TimeZoneId):yyyy-MM-dd}", what, header, labels, rows, ct);
        audit.Record(db, actor, "data.exported", eventId, nameof(Event), eventId.ToString(), $"{what}, {format.ToString().ToUpperInvariant()}, {rows.Count} rows");
        await db.SaveChangesAsync(ct);
        return Outcome<ExportFile>.Success(file);
    }

    public static string Name(EventDataset dataset) => dataset switch
    {
        EventDataset.Invitations => "Invitations",
        EventDataset.CheckIns => "Check-ins",
        _ => "Registrations",
    };

    private async Task<(List<string>, List<IReadOnlyList<string>>)> RegistrationsAsync(EventHubDbContext db, Guid eventId, Func<DateTime?, string> when, CancellationToken ct)
    {
        var questions = await db.RegistrationQuestions.AsNoTracking().Where(q => q.EventId == eventId).OrderBy(q => q.SortOrder).ThenBy(q => q.Label).ToListAsync(ct);
        var registrations = await db.Registrations.AsNoTracking().Where(r => r.EventId == eventId)
            .Include(r => r.Answers).Include(r => r.Approvals.Where(a => !a.Superseded)).AsSplitQuery()
            .OrderBy(r => r.Name).ThenBy(r => r.NormalizedEmail).ToListAsync(ct);
        var tags = (await db.RegistrationTagAssignments.AsNoTracking().Where(a => a.Tag!.EventId == eventId).Select(a => new { a.RegistrationId, a.Tag!.Name }).ToListAsync(ct))
            .ToLookup(a => a.RegistrationId, a => a.Name);
        var labels = new List<string>
        {
            "Name", "Email", "Organisation", "Position", "Country", "Sector", "Source", "Status", "Approved by", "Rejected by", "Waitlisted by", "Tags",
            "Registered", "Decided", "Dietary needs", "Accessibility needs",
        };
        labels.AddRange(questions.Select(q => q.Label));
        var rows = registrations.Select(r =>
        {
            string By(VettingDecision d) => string.Join(", ", r.Approvals.Where(a => a.Decision == d).Select(a => a.Group).Order());
            var row = new List<string>
            {
                r.Name, r.Email, r.OrganisationName ?? "", r.Position ?? "", r.Country ?? "", r.Sector is { } s ? words.Of(s) : "",
                words.Of(r.Source), words.Of(r.Status), By(VettingDecision.Approved), By(VettingDecision.Rejected), By(VettingDecision.Waitlisted),
                string.Join(", ", tags[r.Id].Order()), when(r.CreatedAtUtc), when(r.DecidedAtUtc), r.DietaryNeeds ?? "", r.AccessibilityNeeds ?? "",
            };
            row.AddRange(questions.Select(q => r.Answers.FirstOrDefault(a => a.QuestionId == q.Id)?.Value ?? ""));
            return (IReadOnlyList<string>)row;
        }).ToList();
        return (labels, rows);
    }

    private async Task<(List<string>, List<IReadOnlyList<string>>)> InvitationsAsync(EventHubDbContext db, Guid eventId, Func<DateTime?, string> when, CancellationToken ct)
    {
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.EventId == eventId)
            .Select(i => new { i.Contact!.Name, i.Contact.Email, Organisation = i.Contact.OrganisationName, i.Status, i.SentAtUtc, i.RespondedAtUtc, i.Resends, i.NudgesSent, i.DeclineReason })
            .ToListAsync(ct);
        var labels = new List<string> { "Name", "Email", "Organisation", "Status", "Sent", "Answered", "Resent", "Reminders sent", "Reason for declining" };
        var rows = invitations.OrderBy(i => i.Name, StringComparer.CurrentCultureIgnoreCase).Select(i => (IReadOnlyList<string>)
        [
            i.Name, i.Email, i.Organisation ?? "", words.Of(i.Status), when(i.SentAtUtc), when(i.RespondedAtUtc),
            i.Resends.ToString(System.Globalization.CultureInfo.InvariantCulture), i.NudgesSent.ToString(System.Globalization.CultureInfo.InvariantCulture), i.DeclineReason ?? "",
        ]).ToList();
        return (labels, rows);
    }

    private async Task<(List<string>, List<IReadOnlyList<string>>)> CheckInsAsync(EventHubDbContext db, Guid eventId, Func<DateTime?, string> when, CancellationToken ct)
    {
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.EventId == eventId).OrderBy(c => c.AtUtc).ToListAsync(ct);
        var labels = new List<string> { "Name", "Organisation", "Checked in", "How", "By", "Device", "Reason" };
        var rows = checkIns.Select(c => (IReadOnlyList<string>)
        [
            c.Name, c.OrganisationName ?? "", when(c.AtUtc), words.Of(c.Kind), c.ByName ?? "", c.Device ?? "", c.Reason ?? "",
        ]).ToList();
        return (labels, rows);
    }
}
