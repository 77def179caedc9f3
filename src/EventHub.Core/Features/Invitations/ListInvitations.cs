using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Features.Invitations;

public sealed record InvitationRow(
    Guid Id, Guid ContactId, string Name, string Email, string? Organisation, InvitationStatus Status,
    DateTime SentAtUtc, DateTime? RespondedAtUtc, int Resends, int NudgesSent, string? DeclineReason,
    IReadOnlyList<InvitationHistoryEntry> History);

/// <summary>How the sending of an event's invitations is going; with a relay limit, when it will be done.</summary>
public sealed record SendingProgress(int Total, int Sent, int Pending, int Failed, DateTime? ExpectedFinishUtc)
{
    public bool Done => Pending == 0;
}

public sealed record InvitationOverview(IReadOnlyList<InvitationRow> Rows, IReadOnlyDictionary<InvitationStatus, int> Counts, SendingProgress Sending);

public sealed class ListInvitations(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, IOptions<EmailOptions> emailOptions, TimeProvider clock)
{
    public async Task<Outcome<InvitationOverview>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Invite))
        {
            return Outcome<InvitationOverview>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.EventId == eventId)
            .Include(i => i.Contact).ThenInclude(c => c!.Organisation)
            .Include(i => i.History.OrderBy(h => h.AtUtc))
            .OrderBy(i => i.Contact!.Name)
            .AsSplitQuery()
            .ToListAsync(ct);
        var rows = invitations.Select(i => new InvitationRow(
            i.Id, i.ContactId, i.Contact!.Name, i.Contact.Email, i.Contact.Organisation?.Name ?? i.Contact.OrganisationName, i.Status,
            i.SentAtUtc, i.RespondedAtUtc, i.Resends, i.NudgesSent, i.DeclineReason, i.History)).ToList();
        var counts = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        return Outcome<InvitationOverview>.Success(new InvitationOverview(rows, counts, await SendingAsync(db, eventId, ct)));
    }

    /// <summary>Sent / pending / failed among the event's invitation emails, and the expected finish under the relay limit.</summary>
    public async Task<SendingProgress> SendingAsync(EventHubDbContext db, Guid eventId, CancellationToken ct)
    {
        var counts = await db.OutboundEmails
            .Where(e => e.EventId == eventId && e.CorrelationKey.StartsWith("invitation:"))
            .GroupBy(e => e.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var sent = counts.GetValueOrDefault(OutboundEmailStatus.Sent);
        var failed = counts.GetValueOrDefault(OutboundEmailStatus.Failed);
        var pending = counts.GetValueOrDefault(OutboundEmailStatus.Pending) + counts.GetValueOrDefault(OutboundEmailStatus.Sending);
        DateTime? finish = null;
        if (pending > 0 && emailOptions.Value.RelayMessagesPerMinute is > 0 and var perMinute)
        {
            // Everything queued before these emails goes first: count the whole queue.
            var queued = await db.OutboundEmails.CountAsync(e => e.Status == OutboundEmailStatus.Pending || e.Status == OutboundEmailStatus.Sending, ct);
            finish = clock.GetUtcNow().UtcDateTime.AddMinutes(Math.Ceiling(queued / (double)perMinute));
        }

        return new SendingProgress(sent + failed + pending, sent, pending, failed, finish);
    }
}
