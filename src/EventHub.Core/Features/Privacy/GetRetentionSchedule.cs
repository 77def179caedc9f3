using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Privacy;

/// <summary>One retention rule of an event: what goes, when (null: on an occasion, not a date), whether it was done, and how many records it touches.</summary>
public sealed record RetentionRule(string Title, string WhatGoes, DateTime? DueUtc, DateTime? DoneUtc, string When, IReadOnlyList<(string Label, int Count)> Affected);

public sealed record RetentionSchedule(
    Event Event, int SecurityDataDays, int PersonalDataMonths, bool SecurityDaysIsDefault, bool PersonalMonthsIsDefault,
    int MaxSecurityDataDays, int MaxPersonalDataMonths, IReadOnlyList<RetentionRule> Rules, IReadOnlyList<string> Kept);

/// <summary>What the retention job will erase for an event, and when: shown to its organisers beforehand.</summary>
public sealed class GetRetentionSchedule(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, RetentionPolicy policy)
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
            new("Security data",
                "Date of birth, nationality and identity document of every registration.",
                policy.SecurityDataDueUtc(e), e.SecurityDataErasedAtUtc,
                $"{Days(policy.SecurityDataDays(e))} after the event ends",
                [("registrations with security data", withSecurity)]),
            new("Attendees' and invitees' personal data",
                $"Names, emails, organisations, positions, phone numbers, needs and answers (replaced by \"{Anonymiser.AnonymisedName}\"); personal links and passes; the invitations and their history; names on check-ins, consents and circulation copies; the event's sent emails; names and details in the audit log's entries about them.",
                policy.PersonalDataDueUtc(e), e.PersonalDataAnonymisedAtUtc,
                $"{Months(policy.PersonalDataMonths(e))} after the event ends",
                [("registrations", people), ("answers", answers), ("invitations", invitations), ("passes", passes), ("check-ins", checkIns),
                 ("consents", consents), ("circulation recipients", recipients), ("sent emails", emails)]),
            new("Rapporteurs' notes",
                "The rapporteurs' private notes taken during the meeting.",
                null, report?.Status == ReportStatus.Circulated && notes == 0 ? report.CirculatedAtUtc : null,
                report is null ? "when the report is circulated (no report yet)"
                    : report.Status == ReportStatus.Circulated ? "now: the report has been circulated"
                    : $"when the report is circulated (it is {report.Status.ToString().ToLowerInvariant()})",
                [("notes", notes)]),
        };
        string[] kept =
        [
            "The report, its versions and reviews.",
            $"The counts: {e.ApprovedCount} approved of capacity {e.Capacity}; registrations by status, source and sector; check-in times.",
            "Vetting decisions (without their free-text reasons), and the audit log's entries without the personal data.",
        ];
        var configured = policy.Configured;
        return Outcome<RetentionSchedule>.Success(new RetentionSchedule(
            e, policy.SecurityDataDays(e), policy.PersonalDataMonths(e), e.SecurityDataRetentionDays is null, e.PersonalDataRetentionMonths is null,
            configured.SecurityDataDays, configured.PersonalDataMonths, rules, kept));
    }

    internal static string Days(int n) => n == 1 ? "1 day" : $"{n} days";

    internal static string Months(int n) => n == 1 ? "1 month" : $"{n} months";
}
