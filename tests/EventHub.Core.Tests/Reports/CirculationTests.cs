using EventHub.Core.Attribution;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Reports;
using EventHub.Core.Jobs;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace EventHub.Core.Tests.Reports;

public sealed class CirculationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static Dictionary<string, string?> SmtpSettings(SmtpSink sink) => new()
    {
        ["Email:Transport"] = "Smtp",
        ["Email:From"] = "EventHub <no-reply@eventhub.test>",
        ["Smtp:Host"] = sink.Host,
        ["Smtp:Port"] = sink.Port.ToString(),
        ["Smtp:Security"] = "None",
    };

    private static Task<Outcome<CirculationResult>> CirculateAsync(ReportScenario s, int expected, params CirculationAudience[] audiences)
        => s.InScopeAsync(sp => sp.GetRequiredService<CirculateReport>().ExecuteAsync(s.Organiser, s.EventId, new CirculationRequest(audiences, expected)));

    private static async Task DispatchAsync(CoreTestHost host)
    {
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().ExecuteAsync(CancellationToken.None);
    }

    private static string WordText(MimeMessage message)
    {
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.EndsWith(".docx", attachment.FileName);
        using var stream = new MemoryStream();
        attachment.Content!.DecodeTo(stream);
        return ReportWordDocument.ReadAllText(stream.ToArray());
    }

    // These two run the real non-attribution check (AttributionChecker.Check): they pass once the check is merged.
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Circulation_is_refused_while_the_approved_report_names_a_participant(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await ReportScenario.CreateAsync(database, host, ReportScenario.NeutralText + "\nAda Novak argued that the EU should open a regional office.\n");
        await s.AddCheckedInAsync("Ada Novak", "ada@think.example");
        await s.ApproveAsync();

        var preview = await s.InScopeAsync(sp => sp.GetRequiredService<PreviewCirculation>().ExecuteAsync(s.Organiser, s.EventId, [CirculationAudience.CheckedIn]));
        var refused = await CirculateAsync(s, 1, CirculationAudience.CheckedIn);

        Assert.Contains(preview.Value!.OpenFindings, f => f.Text.Contains("Novak", StringComparison.OrdinalIgnoreCase));
        Assert.False(preview.Value.CanSend);
        Assert.Equal(OutcomeStatus.Invalid, refused.Status);
        Assert.Contains("non-attribution finding", refused.Errors[""][0]);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Empty(await db.ReportCirculations.ToListAsync());
        Assert.Empty(await db.OutboundEmails.Where(m => m.CorrelationKey.StartsWith("report-circulation:")).ToListAsync());
        Assert.Equal(ReportStatus.Approved, (await s.ReportAsync()).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_neutral_approved_report_passes_the_real_check_and_is_circulated(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await ReportScenario.CreateAsync(database, host);
        await s.AddCheckedInAsync("Ada Novak", "ada@think.example");
        await s.ApproveAsync();

        var sent = await CirculateAsync(s, 1, CirculationAudience.CheckedIn);

        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors.SelectMany(e => e.Value)));
        Assert.Equal(ReportStatus.Circulated, (await s.ReportAsync()).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Circulation_is_refused_before_approval_with_open_findings_and_when_the_audience_changed_since_the_confirmation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var findings = new FakeOpenFindings();
        await using var host = FakeOpenFindings.Host(database, findings);
        var s = await ReportScenario.CreateAsync(database, host);
        await s.AddCheckedInAsync("Ada Novak", "ada@think.example");

        var draft = await CirculateAsync(s, 1, CirculationAudience.CheckedIn);
        Assert.Equal(OutcomeStatus.Invalid, draft.Status);
        Assert.StartsWith("The report is a draft: it can be circulated only once every required reviewer group has approved it.", draft.Errors[""][0]);

        await s.ApproveAsync();
        findings.Open.Add(new AttributionFinding(FindingKind.Organisation, 10, 4, "EEAS", "European External Action Service", "An attendee's organisation", "an EU institution"));
        var withFinding = await CirculateAsync(s, 1, CirculationAudience.CheckedIn);
        Assert.Equal("1 non-attribution finding is open: reword the passage in the editor, or an organiser dismisses it with a reason.", withFinding.Errors[""][0]);

        findings.Open.Clear();
        await s.AddCheckedInAsync("Bob Meyer", "bob@eeas.example"); // arrived after the organiser saw "Send 1 email now?"
        var changed = await CirculateAsync(s, 1, CirculationAudience.CheckedIn);
        Assert.Equal(OutcomeStatus.Conflict, changed.Status);
        Assert.Contains("it is now 2 recipients, not 1", changed.Errors[""][0]);
        var none = await CirculateAsync(s, 0);
        Assert.Contains("Choose at least one audience.", none.Errors[""][0]);

        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Empty(await db.ReportCirculations.ToListAsync());
        Assert.Equal(ReportStatus.Approved, (await s.ReportAsync()).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_recipient_receives_over_SMTP_their_own_reference_in_the_html_and_in_the_word_file_and_the_notes_are_erased(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var sink = new SmtpSink();
        var findings = new FakeOpenFindings();
        await using var host = FakeOpenFindings.Host(database, findings, SmtpSettings(sink));
        var s = await ReportScenario.CreateAsync(database, host);
        await s.AddCheckedInAsync("Ada Novák", "ada@think.example");
        await s.AddCheckedInAsync("Bob Meyer", "bob@eeas.example");
        await s.Vetting.AddRegistrationAsync("Cleo Absent", "cleo@nato.example", "NATO", status: RegistrationStatus.Approved); // approved, never came
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var rita = await db.Users.SingleAsync(u => u.Email == "rita@kas.example");
            db.ReportNotes.Add(new ReportNote { Id = Guid.NewGuid(), EventId = s.EventId, AuthorUserId = rita.Id, Text = "Speaker from NATO on drones", CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await s.ApproveAsync();
        var preview = await s.InScopeAsync(sp => sp.GetRequiredService<PreviewCirculation>().ExecuteAsync(s.Organiser, s.EventId, [CirculationAudience.CheckedIn, CirculationAudience.Hosts]));
        Assert.Equal(["Ada Novák", "Bob Meyer", "conrad", "hana"], preview.Value!.Recipients.Select(r => r.Name));
        Assert.True(preview.Value.CanSend);

        var sent = await CirculateAsync(s, 4, CirculationAudience.CheckedIn, CirculationAudience.Hosts);
        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors.SelectMany(e => e.Value)));
        Assert.Equal((4, 1), (sent.Value!.Recipients, sent.Value.NotesErased));
        await DispatchAsync(host);
        var messages = await sink.WaitForAsync(4, Wait);

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var recipients = await db.CirculationRecipients.AsNoTracking().OrderBy(r => r.Name).ToListAsync();
            Assert.Equal(4, recipients.Select(r => r.Reference).Distinct().Count());
            foreach (var recipient in recipients)
            {
                Assert.Matches("^[A-HJ-NP-TW-Z2-9]{4}-[A-HJ-NP-TW-Z2-9]{4}$", recipient.Reference);
                var message = messages.Single(m => m.To.Mailboxes.Single().Address == recipient.Email);
                var marking = $"Prepared for {recipient.Name}, ref {recipient.Reference}; not for onward distribution.";
                Assert.Equal("Summary: China's and Russia's Security Engagement in Central Asia", message.Subject);
                Assert.Contains($"ref {recipient.Reference}; not for onward distribution.", message.HtmlBody);
                Assert.Contains(marking, message.TextBody);
                Assert.Contains("regional security cooperation", message.HtmlBody);
                foreach (var otherRef in recipients.Where(r => r.Id != recipient.Id).Select(r => r.Reference))
                {
                    Assert.DoesNotContain(otherRef, message.HtmlBody);
                }

                var word = WordText(message);
                var lines = word.Split('\n');
                Assert.Equal(marking, lines[0]); // the body starts with it
                Assert.True(lines.Count(l => l == marking) >= 3, "The marking is at the start of the body, in the header and in the footer.\n" + word);
                Assert.Contains("Security engagement in Central Asia", word);
                Assert.Contains("values-driven approach", word);

                var email = await db.OutboundEmails.AsNoTracking().SingleAsync(m => m.Id == recipient.OutboundEmailId);
                Assert.Equal(OutboundEmailStatus.Sent, email.Status);
            }

            Assert.DoesNotContain(messages, m => m.To.Mailboxes.Any(a => a.Address == "cleo@nato.example"));
            Assert.Empty(await db.ReportNotes.Where(n => n.EventId == s.EventId).ToListAsync());
        }

        Assert.Equal(ReportStatus.Circulated, (await s.ReportAsync()).Status);
        Assert.Contains("report.circulated", await s.AuditActionsAsync());
        Assert.Contains("report.notes-erased", await s.AuditActionsAsync());

        // A second circulation to all approved attendees reaches only the one who has no copy yet.
        var later = await s.InScopeAsync(sp => sp.GetRequiredService<PreviewCirculation>().ExecuteAsync(s.Organiser, s.EventId, [CirculationAudience.AllApproved]));
        Assert.Equal(["Cleo Absent"], later.Value!.Recipients.Select(r => r.Name));
        Assert.Equal(2, later.Value.AlreadyReceived.Count);
        var list = await s.InScopeAsync(sp => sp.GetRequiredService<ListCirculations>().ExecuteAsync(s.Organiser, s.EventId));
        Assert.Equal(4, Assert.Single(list.Value!).Count(OutboundEmailStatus.Sent));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_failed_copy_is_resent_as_a_new_outbox_message_with_the_same_reference(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var sink = new SmtpSink();
        var findings = new FakeOpenFindings();
        await using var host = FakeOpenFindings.Host(database, findings, SmtpSettings(sink));
        var s = await ReportScenario.CreateAsync(database, host);
        await s.AddCheckedInAsync("Ada Novak", "ada@think.example");
        await s.AddCheckedInAsync("Bob Meyer", "bob@eeas.example");
        await s.ApproveAsync();
        sink.Refuse("bob@eeas.example", 550, "Mailbox unavailable");

        var sent = await CirculateAsync(s, 2, CirculationAudience.CheckedIn);
        await DispatchAsync(host);
        var list = await s.InScopeAsync(sp => sp.GetRequiredService<ListCirculations>().ExecuteAsync(s.Organiser, s.EventId));
        var bob = Assert.Single(list.Value!).Recipients.Single(r => r.Name == "Bob Meyer");
        Assert.Equal(OutboundEmailStatus.Failed, bob.Status);
        Assert.Contains("Mailbox unavailable", bob.LastError);

        sink.Accept("bob@eeas.example");
        var resent = await s.InScopeAsync(sp => sp.GetRequiredService<ResendCirculationFailures>().ExecuteAsync(s.Organiser, s.EventId, sent.Value!.CirculationId));
        Assert.Equal(1, resent.Value);
        await DispatchAsync(host);
        var message = await sink.WaitForMessageToAsync("bob@eeas.example", Wait);

        Assert.Contains($"ref {bob.Reference}", WordText(message));
        var after = await s.InScopeAsync(sp => sp.GetRequiredService<ListCirculations>().ExecuteAsync(s.Organiser, s.EventId));
        var bobAfter = after.Value!.Single().Recipients.Single(r => r.Name == "Bob Meyer");
        Assert.NotEqual(bob.OutboundEmailId, bobAfter.OutboundEmailId);
        Assert.Equal(OutboundEmailStatus.Sent, bobAfter.Status);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(
            [$"report-circulation:{sent.Value!.CirculationId}:{bob.RecipientId}:1", $"report-circulation:{sent.Value.CirculationId}:{bob.RecipientId}:2"],
            await db.OutboundEmails.Where(m => m.ToAddress == "bob@eeas.example").OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.CorrelationKey).Select(m => m.CorrelationKey).ToListAsync());
        Assert.Contains("report.circulation-resent", await s.AuditActionsAsync());
        var nothing = await s.InScopeAsync(sp => sp.GetRequiredService<ResendCirculationFailures>().ExecuteAsync(s.Organiser, s.EventId, sent.Value.CirculationId));
        Assert.Equal("No copy of this circulation has failed: there is nothing to resend.", nothing.Errors[""][0]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_published_page_shows_the_report_but_no_participant_and_the_team_copy_is_marked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var findings = new FakeOpenFindings();
        await using var host = FakeOpenFindings.Host(database, findings);
        var s = await ReportScenario.CreateAsync(database, host);
        await s.AddCheckedInAsync("Ada Novak", "ada@think.example");

        var early = await s.InScopeAsync(sp => sp.GetRequiredService<PublishReport>().ExecuteAsync(s.Organiser, s.EventId));
        Assert.Equal(OutcomeStatus.Invalid, early.Status);
        await s.ApproveAsync();
        Assert.Equal(OutcomeStatus.Forbidden, (await s.InScopeAsync(sp => sp.GetRequiredService<PublishReport>().ExecuteAsync(s.Rapporteur, s.EventId))).Status);
        var slug = await s.InScopeAsync(sp => sp.GetRequiredService<PublishReport>().ExecuteAsync(s.Organiser, s.EventId));
        Assert.StartsWith("china-s-and-russia-s-security-engagement-in-central-asia-", slug.Value);

        var page = await s.InScopeAsync(sp => sp.GetRequiredService<GetPublicReport>().ExecuteAsync(slug.Value!));
        Assert.Equal("China's and Russia's Security Engagement in Central Asia", page.Value!.Title);
        Assert.Equal("Wednesday, 9 December 2026", page.Value.Date);
        Assert.Equal("Brussels", page.Value.City);
        Assert.Contains("regional security cooperation", page.Value.Html);
        var everything = string.Join(" ", page.Value.Title, page.Value.Date, page.Value.City, page.Value.Html, page.Value.Organisation);
        Assert.DoesNotContain("Novak", everything);
        Assert.DoesNotContain("@", everything);
        Assert.DoesNotContain("Room ASP", everything);

        var docx = await s.InScopeAsync(sp => sp.GetRequiredService<ExportReportDocx>().ExecuteAsync(s.HostOffice, s.EventId));
        Assert.Matches(@"^Team copy prepared for hana@ep\.example on \d+ \w+ 2026, ref [A-Z2-9]{4}-[A-Z2-9]{4}; not for onward distribution\.", ReportWordDocument.ReadAllText(docx.Value!.Content));

        Assert.True((await s.InScopeAsync(sp => sp.GetRequiredService<UnpublishReport>().ExecuteAsync(s.Organiser, s.EventId))).Succeeded);
        Assert.Equal(OutcomeStatus.NotFound, (await s.InScopeAsync(sp => sp.GetRequiredService<GetPublicReport>().ExecuteAsync(slug.Value!))).Status);
        var actions = await s.AuditActionsAsync();
        Assert.Contains("report.published", actions);
        Assert.Contains("report.exported", actions);
        Assert.Contains("report.unpublished", actions);
    }
}
