using EventHub.Core.Data;
using EventHub.Core.Email;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Invitations;

/// <summary>An invitation whose email failed permanently becomes Bounced, with the server's answer in its history.</summary>
public sealed class InvitationBounceHandler(TimeProvider clock) : IOutboundEmailFailureHandler
{
    public async Task HandleAsync(EventHubDbContext db, OutboundEmail email, string reason, CancellationToken ct)
    {
        var parts = email.CorrelationKey.Split(':');
        if (parts.Length < 2 || parts[0] != "invitation" || !Guid.TryParse(parts[1], out var invitationId))
        {
            return;
        }

        // The status and its history entry commit together, or neither does.
        await db.InTransactionAsync(async token =>
        {
            var changed = await db.Invitations
                .Where(i => i.Id == invitationId && i.Status == InvitationStatus.Sent)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Bounced), token);
            if (changed > 0)
            {
                db.InvitationHistory.Add(new InvitationHistoryEntry { InvitationId = invitationId, AtUtc = clock.GetUtcNow().UtcDateTime, Action = "bounced", Detail = reason.Length > 500 ? reason[..500] : reason });
                await db.SaveChangesAsync(token);
            }

            return changed;
        }, ct);
    }
}
