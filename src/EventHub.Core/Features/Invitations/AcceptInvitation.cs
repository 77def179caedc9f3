using System.ComponentModel.DataAnnotations;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Invitations;

/// <summary>The registration form on the invitee's page: the shared fields, the invitation's own email and the Rule.</summary>
public sealed class AcceptForm : RegistrationDetailsForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [DeliverableEmail(ErrorMessage = "Enter a valid email address.")]
    [StringLength(320, ErrorMessage = "The email can be at most 320 characters.")]
    public string? Email { get; set; }

    [Range(typeof(bool), "true", "true", ErrorMessage = "Please confirm that you will respect the Chatham House Rule.")]
    public bool AcknowledgeRule { get; set; }
}

/// <summary>
/// The invitee accepts: a registration is created for vetting. The invitation is bound to the invitee: whoever holds a
/// forwarded link can answer only as the person it was sent to, so the email address cannot be changed here.
/// </summary>
public sealed class AcceptInvitation(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, SecurityData security, RegistrationMailer mailer)
{
    public async Task<Outcome> ExecuteAsync(string? token, AcceptForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await InvitationLinkResolver.FindAsync(db, token, now, ct);
        if (invitation is null)
        {
            return Outcome.NotFound();
        }

        var definition = await RegistrationFormDefinition.LoadAsync(db, invitation.Event!, ct);
        // Every error at once, each on its field: the form's own rules and the link's (whose address, whose name).
        var errors = RegistrationDetailsRules.Validate(form, definition, securityRequired: true);
        var contact = invitation.Contact!;
        if (!errors.ContainsKey(nameof(form.Email)) && Contact.Normalize(form.Email!) != contact.NormalizedEmail)
        {
            errors[nameof(form.Email)] = ["This invitation is personal to the address it was sent to. If someone else should attend in your place, go back and nominate them instead."];
        }

        // A forwarded link keeps the invitee's address but may carry another person's name: refused where the organisers
        // asked for it, otherwise accepted and flagged for the vetters with both names (ListVettingQueue).
        if (!errors.ContainsKey(nameof(form.Name)) && invitation.Event!.RequireInviteeName && !PersonNames.SamePerson(form.Name, contact.Name))
        {
            errors[nameof(form.Name)] = [$"This invitation is for {contact.Name}, and the organisers accept it only under that name. If someone else should attend in their place, go back and nominate them instead."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        if (invitation.Status is not (InvitationStatus.Sent or InvitationStatus.Declined or InvitationStatus.Bounced)
            || await db.Registrations.AnyAsync(r => r.InvitationId == invitation.Id, ct))
        {
            return Outcome.Conflict($"This invitation has already been answered ({invitation.Status}).");
        }

        var registration = new Registration
        {
            Language = invitation.Language,
            Id = Guid.CreateVersion7(),
            EventId = invitation.EventId,
            Source = RegistrationSource.Invitation,
            Status = RegistrationStatus.Pending,
            InvitationId = invitation.Id,
            Name = "",
            Email = contact.Email,
            NormalizedEmail = contact.NormalizedEmail,
            OrganisationId = contact.OrganisationId,
            RuleAcknowledgedAtUtc = now,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        RegistrationDetailsRules.Apply(db, registration, form, definition, security, writeSecurity: true, existingAnswers: []);
        registration.Country ??= contact.Country; // the directory's country, unless the invitee gave one
        db.Registrations.Add(registration);
        await mailer.QueueReceivedAsync(db, registration, invitation.Event!);
        invitation.Status = InvitationStatus.Accepted;
        invitation.RespondedAtUtc = now;
        db.InvitationHistory.Add(new InvitationHistoryEntry { InvitationId = invitation.Id, AtUtc = now, Action = "accepted", Detail = $"{form.Name} ({form.Organisation})" });
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}
