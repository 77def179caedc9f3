using System.Net;
using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Web.Tests.Security;

/// <summary>
/// The outbox shows what was sent, not other people's keys: reset, confirmation and personal links are masked on the message
/// page and in the .eml download, the stored message (which may be sent again) keeps them, and every reading is audited.
/// </summary>
public sealed class OutboxSecretsTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task An_administrator_reads_a_reset_email_and_personal_links_masked_and_each_reading_is_audited()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        await app.CreateUserAsync("admin@eventhub.example", Password, administrator: true);
        await app.CreateUserAsync("clara@kas.example", Password);
        await AccountForms.PostAsync(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), "/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = "clara@kas.example" });
        var reset = Assert.Single(await AccountForms.EmailsToAsync(app, "clara@kas.example"));
        var resetLink = AccountForms.FirstHref(reset.HtmlBody);
        var code = resetLink[(resetLink.IndexOf("code=", StringComparison.Ordinal) + 5)..];
        var personal = await app.WithDbAsync(async db =>
        {
            var email = new OutboundEmail
            {
                Id = Guid.NewGuid(), CorrelationKey = "test:personal-links", ToAddress = "ada@think.example", Subject = "Your registration",
                HtmlBody = "<p><a href=\"http://localhost/r/AttendeeToken123_-x\">Your page</a> <a href=\"http://localhost/i/InviteToken456\">Reply</a> <a href=\"http://localhost/unsubscribe/CfDJ8Unsub\">Stop</a></p>",
                TextBody = "Your page: http://localhost/r/AttendeeToken123_-x/calendar.ics Reply: http://localhost/i/InviteToken456 Consent: http://localhost/consent/ConsentToken789",
                CreatedAtUtc = DateTime.UtcNow, NextAttemptAtUtc = DateTime.UtcNow,
            };
            db.OutboundEmails.Add(email);
            await db.SaveChangesAsync();
            return email;
        });
        var admin = await StaffLogin.ClientAsync(app, "admin@eventhub.example", Password);

        var resetPage = await admin.GetStringAsync($"/outbox/{reset.Id}");
        var resetEml = MimeKit.MimeMessage.Load(await admin.GetStreamAsync($"/outbox/{reset.Id}/message.eml"));
        var personalPage = await admin.GetStringAsync($"/outbox/{personal.Id}");
        var personalEml = MimeKit.MimeMessage.Load(await admin.GetStreamAsync($"/outbox/{personal.Id}/message.eml"));

        Assert.True(code.Length > 20, "the stored reset link carries its code");
        foreach (var shown in new[] { resetPage, resetEml.HtmlBody, resetEml.TextBody })
        {
            Assert.DoesNotContain(code, shown);
            Assert.Contains("/Account/ResetPassword?[hidden]", WebUtility.HtmlDecode(shown));
        }

        foreach (var shown in new[] { personalPage, personalEml.HtmlBody, personalEml.TextBody })
        {
            foreach (var secret in new[] { "AttendeeToken123_-x", "InviteToken456", "CfDJ8Unsub", "ConsentToken789" })
            {
                Assert.DoesNotContain(secret, shown);
            }
        }

        Assert.Contains("http://localhost/r/[hidden]/calendar.ics", personalEml.TextBody);
        Assert.Contains("http://localhost/i/[hidden]", personalEml.TextBody);
        // The stored message is unchanged: it can still be sent again as it was.
        var stored = await app.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == reset.Id));
        Assert.Equal(reset.HtmlBody, stored.HtmlBody);
        Assert.Contains(code, stored.TextBody);
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.SubjectType == nameof(OutboundEmail)).Select(a => new { a.Action, a.SubjectId, a.ActorName }).ToListAsync());
        Assert.Contains(audited, a => a.Action == "outbox.message-viewed" && a.SubjectId == reset.Id.ToString() && a.ActorName == "admin@eventhub.example");
        Assert.Contains(audited, a => a.Action == "outbox.message-downloaded" && a.SubjectId == reset.Id.ToString());
        Assert.Contains(audited, a => a.Action == "outbox.message-viewed" && a.SubjectId == personal.Id.ToString());
        Assert.Contains(audited, a => a.Action == "outbox.message-downloaded" && a.SubjectId == personal.Id.ToString());
    }
}
