using System.ComponentModel.DataAnnotations;
using EventHub.Core.Common;
using EventHub.Core.Data;

namespace EventHub.Core.Features.Invitations;

public sealed class DeclineForm
{
    [StringLength(2000, ErrorMessage = "The reason can be at most 2,000 characters.")]
    public string? Reason { get; set; }
}

public sealed class DeclineInvitation(Microsoft.EntityFrameworkCore.IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(string? token, DeclineForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await InvitationLinkResolver.FindAsync(db, token, now, ct);
        if (invitation is null)
        {
            return Outcome.NotFound();
        }

        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome.Invalid(errors);
        }

        if (invitation.Status is not (InvitationStatus.Sent or InvitationStatus.Bounced))
        {
            return Outcome.Conflict($"This invitation has already been answered ({invitation.Status}).");
        }

        invitation.Status = InvitationStatus.Declined;
        invitation.RespondedAtUtc = now;
        invitation.DeclineReason = string.IsNullOrWhiteSpace(form.Reason) ? null : form.Reason.Trim();
        db.InvitationHistory.Add(new InvitationHistoryEntry { InvitationId = invitation.Id, AtUtc = now, Action = "declined", Detail = invitation.DeclineReason });
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
