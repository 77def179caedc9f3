using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Privacy;
using Microsoft.AspNetCore.Authorization;
using EventHub.Core.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EventHub.Core.Features.Privacy;

/// <summary>One retention rule of an event: a stable id (the same in every language), what goes, when (null: on an occasion, not a date), whether it was done, and how many records it touches.</summary>
public sealed record RetentionRule(string Id, string Title, string WhatGoes, DateTime? DueUtc, DateTime? DoneUtc, string When, IReadOnlyList<(string Label, int Count)> Affected);

public sealed record RetentionSchedule(
    Event Event, int SecurityDataDays, int PersonalDataMonths, bool SecurityDaysIsDefault, bool PersonalMonthsIsDefault,
    int MaxSecurityDataDays, int MaxPersonalDataMonths, IReadOnlyList<RetentionRule> Rules, IReadOnlyList<string> Kept);

/// <summary>What the retention job will erase for an event, and when: shown to its organisers beforehand.</summary>
public sealed class GetRetentionSchedule(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, RetentionPolicy policy,
    IStringLocalizer<StaffText> text, IStringLocalizer<PlainWords> words)
{
    public async Task<Outcome<RetentionSchedule>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<RetentionSchedule>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome<RetentionSchedule>.NotFound();
        }

        var registrations = db.Registrations.Where(r => r.EventId == eventId);
        var withSecurity = await registrations.CountAsync(r => r.ProtectedSecurityData != null, ct);
        var people = await registrations.CountAsync(r => r.AnonymisedAtUtc == null, ct);
        var answers = await db.RegistrationAnswers.CountAsync(a => registrations.Any(r => r.Id == a.RegistrationId && r.AnonymisedAtUtc == null), ct);
        var invitations = await db.Invitations.CountAsync(i => i.EventId == eventId, ct);
        var passes = await db.AccessPasses.CountAsync(p => p.EventId == eventId, ct);
        var checkIns = await db.CheckIns.CountAsync(c => c.EventId == eventId && c.Name != Anonymiser.AnonymisedName, ct);
        var consents = await db.OnRecordConsents.CountAsync(c => c.EventId == eventId && c.Name != Anonymiser.AnonymisedName, ct);
        var recipients = await db.CirculationRecipients.CountAsync(c => c.Name != Anonymiser.AnonymisedName
            && db.ReportCirculations.Any(x => x.Id == c.CirculationId && db.Reports.Any(r => r.Id == x.ReportId && r.EventId == eventId)), ct);
        var emails = await db.OutboundEmails.CountAsync(m => m.EventId == eventId && (m.Status == OutboundEmailStatus.Sent || m.Status == OutboundEmailStatus.Failed), ct);
        var notes = await db.ReportNotes.CountAsync(n => n.EventId == eventId, ct);
        var report = await db.Reports.AsNoTracking().Where(r => r.EventId == eventId).Select(r => new { r.Status, r.CirculatedAtUtc }).SingleOrDefaultAsync(ct);

        var rules = new List<RetentionRule>
        {
            new("securitydata", text["Retention.Security.Title"],
                text["Retention.Security.WhatGoes"],
                policy.SecurityDataDueUtc(e), e.SecurityDataErasedAtUtc,
                text["Retention.AfterEventEnds", LocalDays(policy.SecurityDataDays(e))],
                [(text["Retention.Affected.WithSecurityData"], withSecurity)]),
            new("attendeesandinviteespersonaldata", text["Retention.Personal.Title"],
                text["Retention.Personal.WhatGoes", Anonymiser.AnonymisedName],
                policy.PersonalDataDueUtc(e), e.PersonalDataAnonymisedAtUtc,
                text["Retention.AfterEventEnds", LocalMonths(policy.PersonalDataMonths(e))],
                [(text["Retention.Affected.Registrations"], people), (text["Retention.Affected.Answers"], answers), (text["Retention.Affected.Invitations"], invitations),
                 (text["Retention.Affected.Passes"], passes), (text["Retention.Affected.CheckIns"], checkIns), (text["Retention.Affected.Consents"], consents),
                 (text["Retention.Affected.Recipients"], recipients), (text["Retention.Affected.Emails"], emails)]),
            new("rapporteursnotes", text["Retention.Notes.Title"],
                text["Retention.Notes.WhatGoes"],
                null, report?.Status == ReportStatus.Circulated && notes == 0 ? report.CirculatedAtUtc : null,
                report is null ? text["Retention.Notes.NoReport"]
                    : report.Status == ReportStatus.Circulated ? text["Retention.Notes.Now"]
                    : text["Retention.Notes.WhenCirculated", StatusWord(report.Status)],
                [(text["Retention.Affected.Notes"], notes)]),
        };
        string[] kept =
        [
            text["Retention.Kept.Report"],
            text["Retention.Kept.Counts", e.ApprovedCount, e.Capacity],
            text["Retention.Kept.Decisions"],
        ];
        var configured = policy.Configured;
        return Outcome<RetentionSchedule>.Success(new RetentionSchedule(
            e, policy.SecurityDataDays(e), policy.PersonalDataMonths(e), e.SecurityDataRetentionDays is null, e.PersonalDataRetentionMonths is null,
            configured.SecurityDataDays, configured.PersonalDataMonths, rules, kept));
    }

    /// <summary>"3 days" in the screen's language.</summary>
    public string LocalDays(int n) => text[n == 1 ? "Retention.Days.One" : "Retention.Days.Many", n];

    /// <summary>"12 months" in the screen's language.</summary>
    public string LocalMonths(int n) => text[n == 1 ? "Retention.Months.One" : "Retention.Months.Many", n];

    // German nouns keep their capital; English and French status words read lower-case inside a sentence.
    private string StatusWord(ReportStatus status)
    {
        var word = words.Of(status);
        return Languages.CodeOf(System.Globalization.CultureInfo.CurrentUICulture) == Languages.German ? word : word.ToLower(System.Globalization.CultureInfo.CurrentUICulture);
    }

    internal static string Days(int n) => n == 1 ? "1 day" : $"{n} days";

    internal static string Months(int n) => n == 1 ? "1 month" : $"{n} months";
}
