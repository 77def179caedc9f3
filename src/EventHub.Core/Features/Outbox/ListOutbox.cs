using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Outbox;

public sealed record OutboxRow(Guid Id, string ToAddress, string? ToName, string Subject, OutboundEmailStatus Status, int Attempts, string? LastError, DateTime CreatedAtUtc, DateTime? SentAtUtc, DateTime NextAttemptAtUtc, Guid? EventId, string? EventTitle);

public sealed record OutboxPage(IReadOnlyList<OutboxRow> Rows, int Total, IReadOnlyDictionary<OutboundEmailStatus, int> Counts);

public sealed record OutboxQuery(Guid? EventId = null, OutboundEmailStatus? Status = null, string? Search = null, int Skip = 0, int Take = 50);

/// <summary>
/// The outbox as organisers and administrators see it: administrators see every message,
/// organisers only those of events they may see the outbox of.
/// </summary>
public sealed class ListOutbox(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<OutboxPage>> ExecuteAsync(ClaimsPrincipal actor, OutboxQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        IQueryable<OutboundEmail> emails = db.OutboundEmails.AsNoTracking();
        if (query.EventId is { } eventId)
        {
            if (!await authorization.CanAsync(actor, eventId, EventPermission.ViewOutbox))
            {
                return Outcome<OutboxPage>.Forbidden();
            }

            emails = emails.Where(e => e.EventId == eventId);
        }
        else if (!actor.IsInRole(Roles.Administrator))
        {
            var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
            var organised = db.EventTeamMembers.Where(t => t.UserId == userId && t.Role == EventRole.Organiser).Select(t => (Guid?)t.EventId);
            emails = emails.Where(e => organised.Contains(e.EventId));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            emails = emails.Where(e => e.ToAddress.ToLower().Contains(term) || e.Subject.ToLower().Contains(term));
        }

        var counts = await emails.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        if (query.Status is { } status)
        {
            emails = emails.Where(e => e.Status == status);
        }

        var total = await emails.CountAsync(ct);
        var rows = await emails
            .OrderByDescending(e => e.CreatedAtUtc).ThenByDescending(e => e.Id)
            .Skip(query.Skip).Take(Math.Clamp(query.Take, 1, 500))
            .Select(e => new OutboxRow(e.Id, e.ToAddress, e.ToName, e.Subject, e.Status, e.Attempts, e.LastError, e.CreatedAtUtc, e.SentAtUtc, e.NextAttemptAtUtc, e.EventId,
                db.Events.Where(ev => ev.Id == e.EventId).Select(ev => ev.Title).FirstOrDefault()))
            .ToListAsync(ct);
        return Outcome<OutboxPage>.Success(new OutboxPage(rows, total, counts));
    }
}
