using EventHub.Core.Localization;
using Microsoft.Extensions.Localization;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Activity;

/// <summary>
/// An event's activity for its organisers: the audit entries of that event, newest first, in plain words and the event's
/// time zone, filtered by person, action and days. Administrators keep the installation-wide log (/admin/audit).
/// </summary>
public sealed class ListEventActivity(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, IStringLocalizer<StaffText> text)
{
    public async Task<Outcome<ActivityList>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, ActivityQuery query, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.ViewActivity))
        {
            return Outcome<ActivityList>.Forbidden();
        }

        if (EventActivity.Validate(query) is { } errors)
        {
            return Outcome<ActivityList>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome<ActivityList>.NotFound();
        }

        var filtered = EventActivity.Filter(db, e, query);
        var total = await filtered.CountAsync(ct);
        var entries = await filtered.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200)).ToListAsync(ct);
        var items = await EventActivity.DescribeAsync(db, e, entries, ct, text);

        var everyone = db.AuditEntries.AsNoTracking().Where(a => a.EventId == eventId);
        var actorIds = await everyone.Where(a => a.ActorUserId != null).Select(a => a.ActorUserId!).Distinct().ToListAsync(ct);
        var names = await EventActivity.NamesAsync(db, actorIds, ct);
        var people = actorIds.Select(id => new ActivityPerson(id, names.GetValueOrDefault(id) ?? text["Activity.FormerStaff"]))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        if (await everyone.AnyAsync(a => a.ActorUserId == null, ct))
        {
            people.Add(new ActivityPerson(ActivityQuery.Nobody, text["Activity.SystemOrLink"]));
        }

        var actions = (await everyone.Select(a => a.Action).Distinct().ToListAsync(ct))
            .Select(a => (a, AuditSentences.Label(a, text))).OrderBy(a => a.Item2, StringComparer.CurrentCultureIgnoreCase).ToList();
        return Outcome<ActivityList>.Success(new ActivityList(items, total, people, actions, e.TimeZoneId));
    }
}
