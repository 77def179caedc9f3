using System.Security.Cryptography;
using System.Text;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Email.Templates;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>
/// The personalised copy of a circulated report: an email with the summary in HTML and a Word file, both marked
/// "Prepared for NAME, ref XXXX-XXXX; not for onward distribution", queued in the caller's transaction.
/// Outbox key: <c>report-circulation:{circulationId}:{recipientId}:{attempt}</c> (attempt 1, then one per resend).
/// </summary>
public sealed class ReportCirculationMailer(EmailComposer composer, EmailOutbox outbox, MarkdownRenderer markdown, Localization.Translations translations)
{
    /// <summary>No 0/O, 1/I/L or U/V look-alikes: a reference read over the phone or from a photocopy is unambiguous.</summary>
    public const string ReferenceAlphabet = "ABCDEFGHJKMNPQRSTWXYZ23456789";

    public static string Key(Guid circulationId, Guid recipientId, int attempt) => $"report-circulation:{circulationId}:{recipientId}:{attempt}";

    /// <summary>8 random characters from <see cref="ReferenceAlphabet"/> (29^8 ≈ 5·10^11), shown as XXXX-XXXX.</summary>
    public static string NewReference()
    {
        var chars = RandomNumberGenerator.GetItems<char>(ReferenceAlphabet, 8);
        return new string(chars, 0, 4) + "-" + new string(chars, 4, 4);
    }

    public static string Marking(string name, string reference) => $"Prepared for {name}, ref {reference}; not for onward distribution.";

    /// <summary>The marking in the recipient's language: "Préparé pour …, réf. …; ne pas diffuser."</summary>
    public static string Marking(Localization.Texts t, string name, string reference) => t["Circulation.Marking", name, reference];

    /// <summary>"jeudi 17 décembre 2026": a date in the event's zone, in the reader's language.</summary>
    public static string LocalDate(DateTime utc, string timeZoneId, Localization.Texts t)
        => EventTime.ToLocal(utc, timeZoneId).ToString(t["Pattern.Date"], t.Culture);

    public static IReadOnlyList<string> Facts(Event e, Localization.Texts t)
        => new[] { LocalDate(e.StartsAtUtc, e.TimeZoneId, t), e.City }.OfType<string>().Where(s => s.Length > 0).ToList();

    /// <summary>A date in the event's zone, without a time (so without the zone's abbreviation): "Wednesday, 29 June 2022".</summary>
    public static string LocalDate(DateTime utc, string timeZoneId, string pattern = "dddd, d MMMM yyyy")
        => EventTime.ToLocal(utc, timeZoneId).ToString(pattern, System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public static IReadOnlyList<string> Facts(Event e)
        => new[] { LocalDate(e.StartsAtUtc, e.TimeZoneId), e.City }.OfType<string>().Where(s => s.Length > 0).ToList();

    public static string FileName(string title, string reference)
    {
        var cleaned = new StringBuilder();
        foreach (var c in title)
        {
            cleaned.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var name = string.Join('-', words).Trim('-');
        if (name.Length > 60)
        {
            name = name[..60].TrimEnd('-');
        }

        return $"{(name.Length == 0 ? "Report" : name)}-{reference}.docx";
    }

    public async Task<OutboundEmail> QueueAsync(EventHubDbContext db, Report report, Event e, CirculationRecipient recipient, Guid circulationId, int attempt)
    {
        // The recipient's language: an attendee's registration, a team member's account; English otherwise. The report itself is as written.
        var language = recipient.RegistrationId is { } registrationId
            ? await db.Registrations.Where(r => r.Id == registrationId).Select(r => r.Language).FirstOrDefaultAsync()
            : await db.Users.Where(u => u.NormalizedEmail == recipient.Email.ToUpperInvariant()).Select(u => u.PreferredLanguage).FirstOrDefaultAsync();
        var t = translations.For(language);
        var marking = Marking(t, recipient.Name, recipient.Reference);
        var subject = t["Circulation.Subject", report.Title];
        var facts = Facts(e, t);
        var body = await composer.RenderAsync<ReportSummaryEmail>(new Dictionary<string, object?>
        {
            [nameof(ReportSummaryEmail.Title)] = report.Title,
            [nameof(ReportSummaryEmail.Organisation)] = e.Organisation?.Name,
            [nameof(ReportSummaryEmail.RecipientName)] = recipient.Name,
            [nameof(ReportSummaryEmail.Introduction)] = t["Circulation.Introduction", e.Title, string.Join(", ", facts)],
            [nameof(ReportSummaryEmail.T)] = t,
            [nameof(ReportSummaryEmail.Marking)] = marking,
            [nameof(ReportSummaryEmail.SummaryHtml)] = markdown.ToSafeHtml(report.Markdown),
        });
        var docx = ReportWordDocument.Build(new WordReport(report.Title, facts, report.Markdown, marking));
        return outbox.Queue(db, new EmailToQueue(Key(circulationId, recipient.Id, attempt), recipient.Email, recipient.Name, subject, body, e.Id,
            [new EmailAttachment(FileName(report.Title, recipient.Reference), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx)]));
    }
}
