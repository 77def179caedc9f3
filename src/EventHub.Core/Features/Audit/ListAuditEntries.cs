using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Audit;

public sealed class AuditQuery
{
    public Guid? EventId { get; set; }

    /// <summary>Part of the actor's name, or their user id exactly.</summary>
    public string? User { get; set; }

    /// <summary>The action, or its beginning ("registration." for every registration action).</summary>
    public string? Action { get; set; }
    public DateTime? FromUtc { get; set; }
    public DateTime? ToUtc { get; set; }
    public int Skip { get; set; }
    public int Take { get; set; } = 50;
}

public sealed record AuditListItem(
    long Id, DateTime AtUtc, string? ActorName, string? ActorUserId, string Action, Guid? EventId, string? EventTitle,
    string? SubjectType, string? SubjectId, string? Details, long? ChainIndex, DateTime? RedactedAtUtc);

public sealed record AuditPage(IReadOnlyList<AuditListItem> Items, int Total);

public sealed record AuditFacets(IReadOnlyList<(Guid Id, string Title)> Events, IReadOnlyList<string> Actions);

/// <summary>The audit log for administrators: newest first, filtered by event, user, action and time.</summary>
public sealed class ListAuditEntries(IDbContextFactory<EventHubDbContext> dbFactory)
{
    public async Task<Outcome<AuditPage>> ExecuteAsync(ClaimsPrincipal actor, AuditQuery query, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Administrator))
        {
            return Outcome<AuditPage>.Forbidden();
        }

        if (query.FromUtc is { } from && query.ToUtc is { } to && to < from)
        {
            return Outcome<AuditPage>.Invalid(nameof(query.ToUtc), "The end of the time range is before its start.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking();
        if (query.EventId is { } eventId)
        {
            entries = entries.Where(a => a.EventId == eventId);
        }

        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var term = query.User.Trim();
            var lower = term.ToLowerInvariant();
            entries = entries.Where(a => a.ActorUserId == term || (a.ActorName != null && a.ActorName.ToLower().Contains(lower)));
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            entries = entries.Where(a => a.Action.StartsWith(action));
        }

        if (query.FromUtc is { } f)
        {
            entries = entries.Where(a => a.AtUtc >= f);
        }

        if (query.ToUtc is { } t)
        {
            entries = entries.Where(a => a.AtUtc < t);
        }

        var total = await entries.CountAsync(ct);
        var items = await entries
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200))
            .Select(a => new AuditListItem(a.Id, a.AtUtc, a.ActorName, a.ActorUserId, a.Action, a.EventId,
                db.Events.Where(e => e.Id == a.EventId).Select(e => e.Title).FirstOrDefault(),
                a.SubjectType, a.SubjectId, a.Details, a.ChainIndex, a.RedactedAtUtc))
            .ToListAsync(ct);
        return Outcome<AuditPage>.Success(new AuditPage(items, total));
    }

    public async Task<Outcome<AuditFacets>> FacetsAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Administrator))
        {
            return Outcome<AuditFacets>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = await db.Events.AsNoTracking().OrderByDescending(e => e.StartsAtUtc).Select(e => new { e.Id, e.Title }).ToListAsync(ct);
        var actions = await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        return Outcome<AuditFacets>.Success(new AuditFacets(events.Select(e => (e.Id, e.Title)).ToList(), actions));
    }
}
