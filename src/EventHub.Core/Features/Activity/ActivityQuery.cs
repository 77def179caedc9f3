using EventHub.Core.Auditing;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EventHub.Core.Features.Activity;

/// <summary>Filters of an event's activity. Dates are days in the event's time zone, both included.</summary>
public sealed class ActivityQuery
{
    /// <summary>The staff member who acted (user id), or <see cref="Nobody"/> for what EventHub or a person by link did.</summary>
    public string? PersonId { get; set; }

    public string? Action { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int Skip { get; set; }
    public int Take { get; set; } = 50;

    public const string Nobody = "-";
}

public sealed record ActivityItem(long Id, DateTime AtUtc, string When, string? PersonId, string Who, string Action, string Label, string Sentence);

public sealed record ActivityPerson(string Id, string Name);

public sealed record ActivityList(
    IReadOnlyList<ActivityItem> Items, int Total, IReadOnlyList<ActivityPerson> People, IReadOnlyList<(string Action, string Label)> Actions, string TimeZoneId);

/// <summary>What listing and exporting an event's activity share: the filter, and each entry in plain words.</summary>
internal static class EventActivity
{
    public static Dictionary<string, string[]>? Validate(ActivityQuery query)
        => query.From is { } from && query.To is { } to && to < from
            ? new Dictionary<string, string[]> { [nameof(ActivityQuery.To)] = ["The last day is before the first day."] }
            : null;

    public static IQueryable<AuditEntry> Filter(EventHubDbContext db, Event e, ActivityQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.EventId == e.Id);
        if (query.PersonId == ActivityQuery.Nobody)
        {
            entries = entries.Where(a => a.ActorUserId == null);
        }
        else if (!string.IsNullOrWhiteSpace(query.PersonId))
        {
            entries = entries.Where(a => a.ActorUserId == query.PersonId);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(a => a.Action == query.Action);
        }

        if (query.From is { } from && StartOfDay(from, e.TimeZoneId) is { } fromUtc)
        {
            entries = entries.Where(a => a.AtUtc >= fromUtc);
        }

        if (query.To is { } to && StartOfDay(to.AddDays(1), e.TimeZoneId) is { } toUtc)
        {
            entries = entries.Where(a => a.AtUtc < toUtc);
        }

        return entries;
    }

    /// <summary>The entries as plain sentences, with each actor's display name (their login when the account is gone).</summary>
    public static async Task<List<ActivityItem>> DescribeAsync(EventHubDbContext db, Event e, List<AuditEntry> entries, CancellationToken ct, IStringLocalizer? text = null)
    {
        var names = await NamesAsync(db, entries.Select(a => a.ActorUserId), ct);
        return entries.Select(a =>
        {
            var who = a.ActorUserId is { } id ? names.GetValueOrDefault(id) ?? a.ActorName ?? "A former staff member" : a.ActorName;
            return new ActivityItem(a.Id, a.AtUtc, EventTime.Format(a.AtUtc, e.TimeZoneId, "d MMM yyyy, HH:mm"), a.ActorUserId, who ?? "EventHub or a person by link",
                a.Action, AuditSentences.Label(a.Action, text), AuditSentences.Describe(a.Action, who, a.Details, text));
        }).ToList();
    }

    public static async Task<Dictionary<string, string>> NamesAsync(EventHubDbContext db, IEnumerable<string?> userIds, CancellationToken ct)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        return (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName!);
    }

    private static DateTime? StartOfDay(DateOnly day, string timeZoneId)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return EventTime.IsPlausible(local) ? EventTime.ToUtc(local, timeZoneId) ?? EventTime.ToUtc(local.AddHours(1), timeZoneId) : null;
    }
}
