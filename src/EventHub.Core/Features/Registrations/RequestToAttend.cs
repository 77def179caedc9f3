using System.ComponentModel.DataAnnotations;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Registrations;

/// <summary>The public request-to-attend form: the shared fields, an email, why, the Rule, and a honeypot.</summary>
public sealed class RequestForm : RegistrationDetailsForm
{
    [Required(ErrorMessage = "Enter your email address.")]
    [DeliverableEmail(ErrorMessage = "Enter a valid email address.")]
    [StringLength(320, ErrorMessage = "The email can be at most 320 characters.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Say briefly why you want to attend.")]
    [StringLength(2000, ErrorMessage = "Keep it under 2,000 characters.")]
    public string? Reason { get; set; }

    [Range(typeof(bool), "true", "true", ErrorMessage = "Please confirm that you will respect the Chatham House Rule.")]
    public bool AcknowledgeRule { get; set; }

    /// <summary>Hidden from people; bots fill it. A filled honeypot pretends success and writes nothing.</summary>
    public string? Website { get; set; }
}

/// <summary>What the public request page shows: the event without its venue, and its form.</summary>
public sealed record RequestPageView(string EventTitle, string? Description, DateTime StartsAtUtc, DateTime EndsAtUtc, string TimeZoneId, string? City, string? HostName, string Organiser, RegistrationFormDefinition Form);

/// <summary>Opens the request page: null unless the event is open, takes requests and has not started (the page then says only "not available").</summary>
public sealed class OpenRequestPage(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<RequestPageView?> ExecuteAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await RequestToAttend.FindOpenAsync(db, eventId, clock.GetUtcNow().UtcDateTime, ct);
        return e is null ? null : new RequestPageView(e.Title, e.Description, e.StartsAtUtc, e.EndsAtUtc, e.TimeZoneId, e.City, e.HostName, e.Organisation?.Name ?? "", await RegistrationFormDefinition.LoadAsync(db, e, ct));
    }
}

/// <summary>Someone who was not invited asks to attend: a pending registration (always vetted) and the "received" email.</summary>
public sealed class RequestToAttend(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, SecurityData security, RegistrationMailer mailer)
{
    /// <param name="language">The language of the page the request was made on: the person's emails and page use it.</param>
    public async Task<Outcome> ExecuteAsync(Guid eventId, RequestForm form, string? language = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var e = await FindOpenAsync(db, eventId, now, ct);
        if (e is null)
        {
            return Outcome.NotFound();
        }

        if (!string.IsNullOrEmpty(form.Website))
        {
            return Outcome.Success();
        }

        var definition = await RegistrationFormDefinition.LoadAsync(db, e, ct);
        if (RegistrationDetailsRules.Validate(form, definition, securityRequired: true) is { Count: > 0 } errors)
        {
            return Outcome.Invalid(errors);
        }

        var email = Contact.Normalize(form.Email!);

        // Whether an address is registered is not for strangers to learn: a second request answers as the first did.
        if (await db.Registrations.AnyAsync(r => r.EventId == eventId && r.NormalizedEmail == email, ct))
        {
            return Outcome.Success();
        }

        var registration = new Registration
        {
            Language = Localization.Languages.OrDefault(language),
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            Source = RegistrationSource.Request,
            Status = RegistrationStatus.Pending,
            NominationReason = form.Reason!.Trim(),
            Name = "",
            Email = form.Email!.Trim(),
            NormalizedEmail = email,
            RuleAcknowledgedAtUtc = now,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        RegistrationDetailsRules.Apply(db, registration, form, definition, security, writeSecurity: true, existingAnswers: []);
        db.Registrations.Add(registration);
        await mailer.QueueReceivedAsync(db, registration, e);
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }

    internal static Task<Event?> FindOpenAsync(EventHubDbContext db, Guid eventId, DateTime now, CancellationToken ct)
        => db.Events.Include(e => e.Organisation)
            .Where(e => e.Id == eventId && e.Status == EventStatus.Open && e.AllowRequests && e.StartsAtUtc > now)
            .SingleOrDefaultAsync(ct);
}
