using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Localization;
using EventHub.Core.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Invitations;

public sealed class InviteForm : IValidatableObject
{
    public List<Guid> ContactIds { get; set; } = [];

    [Required(ErrorMessage = "Enter a subject.")]
    [StringLength(300, ErrorMessage = "The subject can be at most 300 characters.")]
    public string? Subject { get; set; } = InvitationText.DefaultSubject;

    [Required(ErrorMessage = "Enter the message.")]
    [StringLength(20_000, ErrorMessage = "The message can be at most 20,000 characters.")]
    public string? Message { get; set; } = InvitationText.DefaultMessage;

    /// <summary>Null: each expert in their own language (the directory's); otherwise this language for everyone chosen.</summary>
    public string? Language { get => language; set => language = string.IsNullOrWhiteSpace(value) ? null : value; }

    private string? language;

    /// <summary>The subject and message in the other languages of the audience (French, German).</summary>
    public List<LocalizedText> Versions { get; set; } = [];

    /// <summary>Send the English text to invitees whose language has no version, rather than refusing.</summary>
    public bool EnglishWhereMissing { get; set; }

    /// <summary>The subject and message an invitee reading <paramref name="language"/> receives: their version, else the English.</summary>
    public (string Subject, string Message) TextFor(string language)
        => AudienceTexts.Clean(Versions).FirstOrDefault(v => v.Language == language) is { } v ? (v.Subject, v.Message) : (Subject!.Trim(), Message!.Trim());

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Language is not null && !Languages.IsSupported(Language))
        {
            yield return new ValidationResult($"Choose English, French or German, or each expert's own language.", [nameof(Language)]);
        }

        foreach (var v in Versions.Where(v => Languages.IsSupported(v.Language)))
        {
            if (string.IsNullOrWhiteSpace(v.Subject) != string.IsNullOrWhiteSpace(v.Message))
            {
                yield return new ValidationResult($"The {Languages.Culture(v.Language).EnglishName.Split(' ')[0]} version needs both a subject and a message.", [nameof(Versions)]);
            }

            if (InvitationText.Unknown(v.Subject + " " + v.Message) is { Count: > 0 } unknownInVersion)
            {
                yield return new ValidationResult($"Unknown placeholder {string.Join(", ", unknownInVersion)}. Use {string.Join(", ", InvitationText.Placeholders.Keys)}.", [nameof(Versions)]);
            }
        }

        if (ContactIds.Count == 0)
        {
            yield return new ValidationResult("Choose at least one expert to invite.", [nameof(ContactIds)]);
        }

        foreach (var (field, text) in new[] { (nameof(Subject), Subject), (nameof(Message), Message) })
        {
            if (InvitationText.Unknown(text) is { Count: > 0 } unknown)
            {
                yield return new ValidationResult($"Unknown placeholder {string.Join(", ", unknown)}. Use {string.Join(", ", InvitationText.Placeholders.Keys)}.", [field]);
            }
        }
    }
}

public sealed record InviteResult(int Invited, IReadOnlyList<string> SkippedDoNotContact, IReadOnlyList<string> SkippedAlreadyInvited);

/// <summary>
/// Invites experts from the event organisation's directory: one invitation, one personal link and one outbox row per
/// invitee, all in one transaction. Do-not-contact contacts are never invited; nobody is invited twice to one event.
/// </summary>
public sealed class InviteExperts(
    IDbContextFactory<EventHubDbContext> dbFactory,
    IAuthorizationService authorization,
    InvitationMailer mailer,
    AuditLog audit,
    Translations translations,
    TimeProvider clock)
{
    public async Task<Outcome<InviteResult>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, InviteForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Invite))
        {
            return Outcome<InviteResult>.Forbidden();
        }

        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome<InviteResult>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async token =>
        {
            var e = await db.Events.Include(x => x.Organisation).SingleOrDefaultAsync(x => x.Id == eventId, token);
            if (e is null)
            {
                return Outcome<InviteResult>.NotFound();
            }

            if (e.Status is not (EventStatus.Draft or EventStatus.Open) || e.EndsAtUtc <= clock.GetUtcNow().UtcDateTime)
            {
                return Outcome<InviteResult>.Invalid("", "Invitations can be sent only for an event that is in preparation or open and has not ended.");
            }

            var ids = form.ContactIds.Distinct().ToList();
            var contacts = await db.Contacts.Where(c => ids.Contains(c.Id) && c.DirectoryOrganisationId == e.OrganisationId).ToListAsync(token);
            if (contacts.Count != ids.Count)
            {
                return Outcome<InviteResult>.Invalid(nameof(form.ContactIds), "Some of the chosen experts are not in this event's directory any more. Reload the list and choose again.");
            }

            // An erased person's address is on the suppression list (as a hash): never invited again, like do-not-contact.
            var suppressed = await EmailHash.SuppressedAmongAsync(db, contacts.Select(c => c.NormalizedEmail), token);
            var alreadyInvited = (await db.Invitations.Where(i => i.EventId == eventId && ids.Contains(i.ContactId)).Select(i => i.ContactId).ToListAsync(token)).ToHashSet();
            var inviting = contacts.Where(c => !c.DoNotContact && !suppressed.Contains(c.NormalizedEmail) && !alreadyInvited.Contains(c.Id)).ToList();
            var versions = AudienceTexts.Clean(form.Versions);
            if (!form.EnglishWhereMissing
                && AudienceTexts.Missing(inviting.Select(c => form.Language ?? c.PreferredLanguage), versions.Select(v => v.Language)) is { Count: > 0 } missing)
            {
                return Outcome<InviteResult>.Invalid(nameof(form.Versions), AudienceTexts.MissingMessage(translations.Current, missing));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var invited = 0;
            var actorName = actor.Identity?.Name;
            foreach (var contact in inviting)
            {
                var language = Languages.OrDefault(form.Language ?? contact.PreferredLanguage);
                var (subject, message) = form.TextFor(language);
                var invitation = new Invitation
                {
                    Id = Guid.CreateVersion7(),
                    EventId = eventId,
                    ContactId = contact.Id,
                    Status = InvitationStatus.Sent,
                    Language = language,
                    Subject = subject,
                    Message = message,
                    CreatedAtUtc = now,
                    SentAtUtc = now,
                    ExpiresAtUtc = e.StartsAtUtc,
                };
                invitation.History.Add(new InvitationHistoryEntry { AtUtc = now, Action = "sent", ActorName = actorName });
                db.Invitations.Add(invitation);
                await mailer.QueueAsync(db, invitation, contact, e, $"invitation:{invitation.Id}:initial");
                invited++;
            }

            var skippedDoNotContact = contacts.Where(c => c.DoNotContact || suppressed.Contains(c.NormalizedEmail)).Select(c => c.Name).ToList();
            var skippedInvited = contacts.Where(c => alreadyInvited.Contains(c.Id) && !c.DoNotContact && !suppressed.Contains(c.NormalizedEmail)).Select(c => c.Name).ToList();
            audit.Record(db, actor, "invitations.sent", eventId, nameof(Event), eventId.ToString(),
                $"{invited} invited; {skippedDoNotContact.Count} do-not-contact skipped; {skippedInvited.Count} already invited");
            await db.SaveChangesAsync(token);
            return Outcome<InviteResult>.Success(new InviteResult(invited, skippedDoNotContact, skippedInvited));
        }, ct);
    }
}
