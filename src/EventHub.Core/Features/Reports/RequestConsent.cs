using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Email.Templates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>
/// An organiser asks someone by email whether they may be named. The email carries a personal link (32 random bytes;
/// only the SHA-256 is stored) to /consent/{token}, where the person confirms or declines. The consent row, the audit
/// entry and the outbox row commit together (key <c>consent:{id}:request</c>).
/// </summary>
public sealed class RequestConsent(
    IDbContextFactory<EventHubDbContext> dbFactory,
    IAuthorizationService authorization,
    EmailComposer composer,
    EmailOutbox outbox,
    LinkBuilder links,
    AuditLog audit,
    Localization.Translations translations,
    TimeProvider clock)
{
    public async Task<Outcome<Guid>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, ConsentForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<Guid>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ConsentRules.CompleteAsync(db, eventId, form, emailRequired: true, ct) is { } errors)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        var e = await db.Events.AsNoTracking().Include(x => x.Organisation).SingleAsync(x => x.Id == eventId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var (token, hash) = PersonalToken.Create();
        var consent = new OnRecordConsent
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            RegistrationId = form.RegistrationId,
            Name = form.Name!,
            Email = form.Email,
            Affiliation = form.Affiliation,
            Scope = form.Scope,
            AgendaItemIds = form.AgendaItemIds,
            Status = ConsentStatus.Requested,
            RequestTokenHash = hash,
            RequestedAtUtc = now,
            RecordedByUserId = ReportRules.UserId(actor),
            RecordedByName = actor.Identity?.Name,
            CreatedAtUtc = now,
        };
        db.OnRecordConsents.Add(consent);

        var what = await ConsentRules.DescribeAsync(db, consent, ct);
        // In the attendee's language when the person registered; otherwise (a speaker from the team or the host's office) English.
        var language = form.RegistrationId is { } registrationId
            ? await db.Registrations.Where(r => r.Id == registrationId).Select(r => r.Language).FirstOrDefaultAsync(ct)
            : null;
        var t = translations.For(language);
        var items = consent.AgendaItemIds.Count == 0
            ? t["Consent.Anything"]
            : t["Consent.During", string.Join(", ", await db.AgendaItems.AsNoTracking().Where(a => consent.AgendaItemIds.Contains(a.Id)).OrderBy(a => a.StartsAtUtc).Select(a => $"“{a.Title}”").ToListAsync(ct))];
        var how = consent.Scope == ConsentScope.NameOnly ? t["Consent.ByName"] : consent.Affiliation is null ? t["Consent.ByNameAndAffiliation"] : t["Consent.ByNameAndThisAffiliation", consent.Affiliation];
        var subject = t["Consent.Subject", e.Title];
        var body = await composer.RenderAsync<ActionEmail>(new Dictionary<string, object?>
        {
            [nameof(ActionEmail.Title)] = subject,
            [nameof(ActionEmail.Organisation)] = e.Organisation?.Name,
            [nameof(ActionEmail.Greeting)] = t["Email.Greeting", consent.Name],
            [nameof(ActionEmail.Paragraphs)] = new List<string>
            {
                t["Consent.Meeting", e.Title, ReportCirculationMailer.LocalDate(e.StartsAtUtc, e.TimeZoneId, t)],
                t["Consent.Ask", items, how],
                t["Consent.Confirm"],
            },
            [nameof(ActionEmail.ActionUrl)] = links.Absolute($"consent/{token}"),
            [nameof(ActionEmail.ActionLabel)] = t["Consent.Action"],
            [nameof(ActionEmail.FooterNote)] = t["Consent.Footer"],
            [nameof(ActionEmail.T)] = t,
        });
        outbox.Queue(db, new EmailToQueue($"consent:{consent.Id}:request", consent.Email!, consent.Name, subject, body, eventId));
        audit.Record(db, actor, "consent.requested", eventId, nameof(OnRecordConsent), consent.Id.ToString(), $"{what}, asked at {consent.Email}");
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Success(consent.Id);
    }
}
