using System.Security.Claims;
using System.Text;
using EventHub.Core.Data;
using EventHub.Core.Features.Invitations;
using EventHub.Core.Features.Vetting;
using EventHub.Core.Jobs;
using EventHub.Core.Tests.Invitations;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace EventHub.Core.Tests.Localization;

/// <summary>
/// A person is written to in their language from the invitation to the access pass: the emails as received by a real
/// SMTP server, with dates in their language and the event's zone, the Rule in Chatham House's translation, the calendar
/// entry and the pass.
/// </summary>
public sealed class LanguageFlowTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    // Thursday 17 December 2026, 10:00 in Brussels (CET).
    private static readonly DateTime EventStart = new(2026, 12, 17, 10, 0, 0);

    private static Dictionary<string, string?> SmtpSettings(SmtpSink sink) => new()
    {
        ["Email:Transport"] = "Smtp",
        ["Email:From"] = "EventHub <no-reply@eventhub.test>",
        ["Smtp:Host"] = sink.Host,
        ["Smtp:Port"] = sink.Port.ToString(),
        ["Smtp:Security"] = "None",
    };

    private static async Task DispatchAsync(CoreTestHost host)
    {
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().ExecuteAsync(CancellationToken.None);
    }

    private static async Task<Contact> ContactAsync(InvitationScenario s, string name, string email, string language)
    {
        var contact = await s.AddContactAsync(name, email);
        await using var db = await s.Database.Factory.CreateDbContextAsync();
        await db.Contacts.Where(c => c.Id == contact.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.PreferredLanguage, language));
        return contact;
    }

    private static string Text(MimeMessage m) => m.TextBody ?? "";

    private static string Attachment(MimeMessage m, string name)
    {
        var part = m.Attachments.OfType<MimePart>().SingleOrDefault(a => a.FileName == name);
        Assert.True(part is not null, $"attachment {name} in: {string.Join(", ", m.Attachments.OfType<MimePart>().Select(a => a.FileName))}");
        using var stream = new MemoryStream();
        part!.Content!.DecodeTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_German_and_a_French_invitee_are_invited_registered_and_approved_each_in_their_language(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var sink = new SmtpSink();
        await using var host = CoreTestHost.Create(database, SmtpSettings(sink));
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);
        var greta = await ContactAsync(s, "Greta Hoffmann", "greta@swp.example", "de");
        var louis = await ContactAsync(s, "Louis Martin", "louis@ifri.example", "fr");
        var ada = await ContactAsync(s, "Ada Novak", "ada@think.example", "en");
        var form = new InviteForm { ContactIds = [greta.Id, louis.Id, ada.Id] };

        // Without a German and a French text, sending is refused, naming each language and how many read it.
        var refused = await s.InScopeAsync(sp => sp.GetRequiredService<InviteExperts>().ExecuteAsync(s.Organiser, s.EventId, form));
        Assert.False(refused.Succeeded);
        var message = Assert.Single(refused.Errors[nameof(InviteForm.Versions)]);
        Assert.Contains("1 person reads German", message);
        Assert.Contains("1 person reads French", message);
        Assert.Empty(await s.EmailsAsync());

        form.Versions =
        [
            new LocalizedText { Language = "de", Subject = "Einladung: {event}", Message = "Guten Tag {name},\n\nwir laden Sie herzlich ein, am {date} in {city}." },
            new LocalizedText { Language = "fr", Subject = "Invitation : {event}", Message = "Bonjour {name},\n\nnous avons le plaisir de vous inviter le {date} à {city}." },
        ];
        var sent = await s.InScopeAsync(sp => sp.GetRequiredService<InviteExperts>().ExecuteAsync(s.Organiser, s.EventId, form));
        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors.SelectMany(e => e.Value)));
        await DispatchAsync(host);
        await sink.WaitForAsync(3, Wait);

        var german = sink.Messages.Single(m => m.To.Mailboxes.Single().Address == "greta@swp.example");
        Assert.Equal("Einladung: Security Engagement in Central Asia", german.Subject);
        Assert.Contains("wir laden Sie herzlich ein, am Donnerstag, 17. Dezember 2026, 10:00 Uhr (CET) in Brussels.", Text(german));
        Assert.Contains("Bei Veranstaltungen (oder Teilen von Veranstaltungen), die unter die Chatham-House-Regel fallen", Text(german));
        Assert.Contains("Auf die Einladung antworten", german.HtmlBody);
        Assert.Contains("<html lang=\"de\">", german.HtmlBody);
        var french = sink.Messages.Single(m => m.To.Mailboxes.Single().Address == "louis@ifri.example");
        Assert.Equal("Invitation : Security Engagement in Central Asia", french.Subject);
        Assert.Contains("le jeudi 17 décembre 2026, 10:00 (CET) à Brussels.", Text(french));
        Assert.Contains("Quand une réunion, ou l'une de ses parties, se déroule sous la règle de Chatham House", Text(french));
        var english = sink.Messages.Single(m => m.To.Mailboxes.Single().Address == "ada@think.example");
        Assert.Contains("Thursday 17 December 2026, 10:00 CET", Text(english));

        // Greta accepts on her (German) page; Louis too. Both hear back in their language, and so does the approval.
        var emails = await s.EmailsAsync();
        foreach (var (address, name) in new[] { ("greta@swp.example", "Greta Hoffmann"), ("louis@ifri.example", "Louis Martin") })
        {
            var token = InvitationScenario.TokenIn(emails.Single(e => e.ToAddress == address));
            var accepted = await s.InScopeAsync(sp => sp.GetRequiredService<AcceptInvitation>().ExecuteAsync(token, new AcceptForm { Name = name, Email = address, Organisation = "Institute", AcknowledgeRule = true }));
            Assert.True(accepted.Succeeded, string.Join(" ", accepted.Errors.SelectMany(e => e.Value)));
        }

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            foreach (var registration in await db.Registrations.ToListAsync())
            {
                var decided = await s.InScopeAsync(sp => sp.GetRequiredService<DecideRegistration>().ExecuteAsync(s.Organiser, registration.Id, new DecisionForm { Decision = VettingDecision.Approved }));
                Assert.True(decided.Succeeded, string.Join(" ", decided.Errors.SelectMany(e => e.Value)));
            }
        }

        await DispatchAsync(host);
        await sink.WaitForAsync(7, Wait);
        var gretaMail = sink.Messages.Where(m => m.To.Mailboxes.Single().Address == "greta@swp.example").ToList();
        Assert.Contains(gretaMail, m => m.Subject == "Anmeldung eingegangen: Security Engagement in Central Asia" && Text(m).Contains("Guten Tag Greta Hoffmann,"));
        var approvedDe = Assert.Single(gretaMail, m => m.Subject == "Ihre Teilnahme ist bestätigt: Security Engagement in Central Asia");
        Assert.Contains("Wann: Donnerstag, 17. Dezember 2026, 10:00 Uhr (CET).", Text(approvedDe));
        Assert.Contains("Ihr Zugangsausweis ist beigefügt (zugangsausweis.png)", Text(approvedDe));
        Assert.NotEmpty(Attachment(approvedDe, "zugangsausweis.png"));
        Assert.Contains("Chatham-House-Regel", Attachment(approvedDe, "termin.ics").Replace("\r\n ", ""));

        var louisMail = sink.Messages.Where(m => m.To.Mailboxes.Single().Address == "louis@ifri.example").ToList();
        Assert.Contains(louisMail, m => m.Subject == "Inscription reçue : Security Engagement in Central Asia");
        var approvedFr = Assert.Single(louisMail, m => m.Subject == "Votre participation est confirmée : Security Engagement in Central Asia");
        Assert.Contains("Date : jeudi 17 décembre 2026, 10:00 (CET).", Text(approvedFr));
        Assert.NotEmpty(Attachment(approvedFr, "laissez-passer.png"));
        Assert.Contains("règle de Chatham House", Attachment(approvedFr, "evenement.ics").Replace("\r\n ", ""));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_organiser_may_send_the_English_text_where_a_language_has_none_and_the_organiser_may_choose_the_language(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);
        var greta = await ContactAsync(s, "Greta Hoffmann", "greta@swp.example", "de");
        var louis = await ContactAsync(s, "Louis Martin", "louis@ifri.example", "fr");

        var englishForGreta = await s.InScopeAsync(sp => sp.GetRequiredService<InviteExperts>().ExecuteAsync(s.Organiser, s.EventId, new InviteForm { ContactIds = [greta.Id], EnglishWhereMissing = true }));
        var louisInGerman = await s.InScopeAsync(sp => sp.GetRequiredService<InviteExperts>().ExecuteAsync(s.Organiser, s.EventId, new InviteForm
        {
            ContactIds = [louis.Id], Language = "de", Versions = [new LocalizedText { Language = "de", Subject = "Einladung", Message = "Guten Tag {name}" }],
        }));

        Assert.True(englishForGreta.Succeeded && louisInGerman.Succeeded);
        await using var db = await database.Factory.CreateDbContextAsync();
        var invitations = await db.Invitations.Include(i => i.Contact).ToDictionaryAsync(i => i.Contact!.Name);
        Assert.Equal(("de", InvitationText.DefaultSubject), (invitations["Greta Hoffmann"].Language, invitations["Greta Hoffmann"].Subject));
        Assert.Equal(("de", "Einladung"), (invitations["Louis Martin"].Language, invitations["Louis Martin"].Subject));
        var gretaEmail = await db.OutboundEmails.SingleAsync(e => e.ToAddress == "greta@swp.example");
        Assert.Equal("Invitation: Security Engagement in Central Asia", gretaEmail.Subject); // the English text, inside a German frame
        Assert.Contains("Auf die Einladung antworten", gretaEmail.HtmlBody);
    }
}
