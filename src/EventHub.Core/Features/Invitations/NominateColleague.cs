using System.ComponentModel.DataAnnotations;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Invitations;

public sealed class NominationForm
{
    [Required(ErrorMessage = "Enter your colleague's name.")]
    [StringLength(300, ErrorMessage = "The name can be at most 300 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter your colleague's email address.")]
    [DeliverableEmail(ErrorMessage = "Enter a valid email address.")]
    [StringLength(320, ErrorMessage = "The email can be at most 320 characters.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter your colleague's organisation.")]
    [StringLength(300, ErrorMessage = "The organisation can be at most 300 characters.")]
    public string? Organisation { get; set; }

    [Required(ErrorMessage = "Say briefly why your colleague should attend.")]
    [StringLength(2000, ErrorMessage = "The reason can be at most 2,000 characters.")]
    public string? Reason { get; set; }
}

/// <summary>The invitee cannot come and names a colleague: a pending registration marked as a nomination, which vetting decides.</summary>
public sealed class NominateColleague(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, RegistrationMailer mailer)
{
    public async Task<Outcome> ExecuteAsync(string? token, NominationForm form, CancellationToken ct = default)
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

        var email = Contact.Normalize(form.Email!);
        if (email == invitation.Contact!.NormalizedEmail)
        {
            return Outcome.Invalid(nameof(form.Email), "That is your own address: to attend yourself, accept the invitation.");
        }

        if (invitation.Status is not (InvitationStatus.Sent or InvitationStatus.Bounced))
        {
            return Outcome.Conflict($"This invitation has already been answered ({invitation.Status}).");
        }

        var registration = new Registration
        {
            Id = Guid.CreateVersion7(),
            EventId = invitation.EventId,
            Source = RegistrationSource.Nomination,
            Status = RegistrationStatus.Pending,
            NominatedByInvitationId = invitation.Id,
            NominationReason = form.Reason!.Trim(),
            // The nominee's language is not known: the nominating invitee's is the best guess (the nominee can switch on their page).
            Language = invitation.Language,
            Name = form.Name!.Trim(),
            Email = form.Email!.Trim(),
            NormalizedEmail = email,
            OrganisationName = form.Organisation!.Trim(),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.Registrations.Add(registration);

        // The nominee did not ask: the email says so, and their page lets them decline by cancelling.
        await mailer.QueueReceivedAsync(db, registration, invitation.Event!);
        invitation.Status = InvitationStatus.NominatedColleague;
        invitation.RespondedAtUtc = now;
        db.InvitationHistory.Add(new InvitationHistoryEntry { InvitationId = invitation.Id, AtUtc = now, Action = "nominated", Detail = $"{form.Name} <{email}> ({form.Organisation})" });
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
