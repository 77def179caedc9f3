using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Invitations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reminders;

public sealed class ReminderRuleForm : IValidatableObject
{
    /// <summary>Null to add a rule (for example a one-off message).</summary>
    public Guid? Id { get; set; }

    public ReminderKind Kind { get; set; } = ReminderKind.OneOff;
    public bool Enabled { get; set; } = true;

    [Range(1, 60, ErrorMessage = "Nudge after 1 to 60 days.")]
    public int? DaysAfterSending { get; set; }

    [Range(1, 5, ErrorMessage = "Send 1 to 5 nudges at most.")]
    public int? MaxNudges { get; set; }

    [Range(0, 90, ErrorMessage = "Remind 0 to 90 days before the event.")]
    public int? DaysBefore { get; set; }

    public TimeOnly? LocalTime { get; set; }

    /// <summary>For a one-off message: when to send it, wall-clock time in the event's zone.</summary>
    public DateTime? SendAtLocal { get; set; }

    public ReminderAudience Audience { get; set; } = ReminderAudience.Registered;

    [Required(ErrorMessage = "Enter a subject.")]
    [StringLength(300, ErrorMessage = "The subject can be at most 300 characters.")]
    public string? Subject { get; set; }

    [Required(ErrorMessage = "Enter the message.")]
    [StringLength(20_000, ErrorMessage = "The message can be at most 20,000 characters.")]
    public string? Message { get; set; }

    /// <summary>The subject and message in the other languages of the audience (French, German).</summary>
    public List<LocalizedText> Versions { get; set; } = [];

    /// <summary>Send the English text to people whose language has no version, rather than refusing.</summary>
    public bool EnglishWhereMissing { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        switch (Kind)
        {
            case ReminderKind.RsvpNudge when DaysAfterSending is null || MaxNudges is null:
                yield return new ValidationResult("Say after how many days and how many times to nudge.", [nameof(DaysAfterSending)]);
                break;
            case ReminderKind.BeforeEvent when DaysBefore is null:
                yield return new ValidationResult("Say how many days before the event to remind.", [nameof(DaysBefore)]);
                break;
            case ReminderKind.OneOff when SendAtLocal is null:
                yield return new ValidationResult("Choose when to send the message.", [nameof(SendAtLocal)]);
                break;
        }

        foreach (var (field, text) in new[] { (nameof(Subject), Subject), (nameof(Message), Message) })
        {
            if (InvitationText.Unknown(text) is { Count: > 0 } unknown)
            {
                yield return new ValidationResult($"Unknown placeholder {string.Join(", ", unknown)}. Use {string.Join(", ", InvitationText.Placeholders.Keys)}.", [field]);
            }
        }
    }

    public static ReminderRuleForm From(ReminderRule r, string timeZoneId) => new()
    {
        Id = r.Id, Kind = r.Kind, Enabled = r.Enabled, DaysAfterSending = r.DaysAfterSending, MaxNudges = r.MaxNudges, DaysBefore = r.DaysBefore,
        LocalTime = r.LocalTime, SendAtLocal = r.SendAtUtc is { } at ? EventTime.ToLocal(at, timeZoneId) : null, Audience = r.Audience ?? ReminderAudience.Registered,
        Subject = r.Subject, Message = r.Message, EnglishWhereMissing = r.EnglishWhereMissing,
        Versions = r.Translations.Select(t => new LocalizedText { Language = t.Language, Subject = t.Subject, Message = t.Message }).ToList(),
    };
}

/// <summary>Adds or changes a reminder rule: the nudge, the before-event reminders, or a one-off message to an audience.</summary>
public sealed class SaveReminderRule(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, Localization.Translations translations, TimeProvider clock)
{
    public async Task<Outcome<Guid>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, ReminderRuleForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Invite))
        {
            return Outcome<Guid>.Forbidden();
        }

        var errors = RequestValidation.Validate(form)?.ToDictionary() ?? [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome<Guid>.NotFound();
        }

        DateTime? sendAtUtc = null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (form.Kind == ReminderKind.OneOff && form.SendAtLocal is { } implausible && !EventTime.IsPlausible(implausible))
        {
            errors[nameof(form.SendAtLocal)] = [EventTime.ImplausibleMessage];
        }
        else if (form.Kind == ReminderKind.OneOff && form.SendAtLocal is { } local)
        {
            sendAtUtc = EventTime.ToUtc(local, e.TimeZoneId);
            if (sendAtUtc is null)
            {
                errors[nameof(form.SendAtLocal)] = ["That time does not exist in the event's time zone (the clocks skip it)."];
            }
            else if (sendAtUtc >= e.EndsAtUtc)
            {
                errors[nameof(form.SendAtLocal)] = ["Choose a time before the event ends."];
            }
            else if (form.Id is null && sendAtUtc < now.AddMinutes(-1))
            {
                errors[nameof(form.SendAtLocal)] = ["Choose a time in the future."];
            }
        }

        var versions = Localization.AudienceTexts.Clean(form.Versions);
        if (errors.Count == 0 && form.Enabled && !form.EnglishWhereMissing
            && Localization.AudienceTexts.Missing(await AudienceLanguagesAsync(db, eventId, form, ct), versions.Select(v => v.Language)) is { Count: > 0 } missing)
        {
            errors[nameof(form.Versions)] = [Localization.AudienceTexts.MissingMessage(translations.Current, missing)];
        }

        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        ReminderRule rule;
        if (form.Id is { } id)
        {
            var existing = await db.ReminderRules.Include(r => r.Translations).SingleOrDefaultAsync(r => r.Id == id && r.EventId == eventId, ct);
            if (existing is null)
            {
                return Outcome<Guid>.NotFound();
            }

            rule = existing;
        }
        else
        {
            rule = new ReminderRule { Id = Guid.CreateVersion7(), EventId = eventId, Kind = form.Kind, Subject = "", Message = "", CreatedAtUtc = now };
            db.ReminderRules.Add(rule);
        }

        rule.Enabled = form.Enabled;
        rule.Subject = form.Subject!.Trim();
        rule.Message = form.Message!.Trim();
        rule.Translations = versions;
        rule.EnglishWhereMissing = form.EnglishWhereMissing;
        switch (rule.Kind)
        {
            case ReminderKind.RsvpNudge:
                (rule.DaysAfterSending, rule.MaxNudges) = (form.DaysAfterSending, form.MaxNudges);
                break;
            case ReminderKind.BeforeEvent:
                (rule.DaysBefore, rule.LocalTime) = (form.DaysBefore, form.LocalTime ?? ReminderSchedule.DefaultLocalTime);
                break;
            case ReminderKind.OneOff:
                (rule.SendAtUtc, rule.Audience) = (sendAtUtc, form.Audience);
                break;
        }

        audit.Record(db, actor, form.Id is null ? "reminder.added" : "reminder.updated", eventId, nameof(ReminderRule), rule.Id.ToString(), $"{rule.Kind}: {rule.Subject}");
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Success(rule.Id);
    }

    /// <summary>The languages of the people the rule would write to now.</summary>
    private static async Task<List<string>> AudienceLanguagesAsync(EventHubDbContext db, Guid eventId, ReminderRuleForm form, CancellationToken ct)
    {
        var toRegistered = form.Kind == ReminderKind.BeforeEvent || (form.Kind == ReminderKind.OneOff && form.Audience == ReminderAudience.Registered);
        if (toRegistered)
        {
            return await db.Registrations.Where(r => r.EventId == eventId && (r.Status == RegistrationStatus.Pending || r.Status == RegistrationStatus.Approved))
                .Select(r => r.Language).ToListAsync(ct);
        }

        var statuses = form.Kind == ReminderKind.OneOff && form.Audience == ReminderAudience.AllInvitees
            ? new[] { InvitationStatus.Sent, InvitationStatus.Accepted }
            : [InvitationStatus.Sent];
        return await db.Invitations.Where(i => i.EventId == eventId && statuses.Contains(i.Status) && !i.Contact!.DoNotContact).Select(i => i.Language).ToListAsync(ct);
    }
}
