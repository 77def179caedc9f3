using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Directory;
using EventHub.Core.Features.Invitations;
using EventHub.Core.Features.Organisations;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Features.Reminders;
using EventHub.Core.Features.Staff;
using EventHub.Core.Features.Team;
using EventHub.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.BadInput;

/// <summary>
/// The staff-side forms around an event: inviting staff, giving team roles, organisations, the invitation to experts, the
/// registration form's questions and settings, and reminders. Each bad value is refused on its field with nothing written;
/// names are stored exactly and shown encoded; hostile text in an invitation cannot add a header to the email.
/// </summary>
public sealed class TeamAndInvitationBadInputTests(BadInputApp fixture) : IClassFixture<BadInputApp>
{
    private static string UniqueEmail(string who = "staff") => $"{who}-{Guid.NewGuid():N}@example.org";

    [Theory]
    [MemberData(nameof(BadInputApp.BadEmails), MemberType = typeof(BadInputApp))]
    public async Task Inviting_staff_with_an_invalid_email_is_refused_on_the_email_and_creates_no_account_or_email(string email)
    {
        var (users, emails) = await CountsAsync();

        var outcome = await fixture.RunAsync<InviteStaffMember, Outcome<string>>(u => u.ExecuteAsync(fixture.Admin, new StaffInvitationForm { DisplayName = "Vera Novak", Email = email }));

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Errors[nameof(StaffInvitationForm.Email)], m => m.Contains("valid email address") || m.Contains("at most 256"));
        Assert.Equal((users, emails), await CountsAsync());
    }

    [Fact]
    public async Task Inviting_staff_with_a_100_KB_name_is_refused_with_its_limit_and_creates_nothing()
    {
        var (users, emails) = await CountsAsync();

        var outcome = await fixture.RunAsync<InviteStaffMember, Outcome<string>>(u => u.ExecuteAsync(fixture.Admin, new StaffInvitationForm { DisplayName = BadInputApp.Long, Email = UniqueEmail() }));

        Assert.Contains(outcome.Errors[nameof(StaffInvitationForm.DisplayName)], m => m.Contains("at most 200 characters"));
        Assert.Equal((users, emails), await CountsAsync());
    }

    [Theory]
    [MemberData(nameof(BadInputApp.Names), MemberType = typeof(BadInputApp))]
    public async Task A_staff_member_named_in_any_script_or_with_markup_is_stored_exactly_and_listed_encoded(string name)
    {
        var outcome = await fixture.RunAsync<InviteStaffMember, Outcome<string>>(u => u.ExecuteAsync(fixture.Admin, new StaffInvitationForm { DisplayName = name, Email = UniqueEmail() }));

        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        Assert.Equal(name, await fixture.WithDbAsync(db => db.Users.Where(u => u.Id == outcome.Value).Select(u => u.DisplayName).SingleAsync()), StringComparer.Ordinal);
        var page = await (await fixture.StaffAsync(BadInputApp.AdminEmail)).GetStringAsync("/admin/staff");
        Assert.Contains(BadInputApp.Parse(page).QuerySelectorAll("td"), td => td.TextContent == name);
        Assert.DoesNotContain("<script>alert", page);
    }

    [Theory]
    [MemberData(nameof(BadInputApp.BadEmails), MemberType = typeof(BadInputApp))]
    public async Task Giving_a_team_role_to_an_invalid_email_is_refused_on_the_email(string email)
    {
        var eventId = await fixture.NewEventAsync();

        var outcome = await fixture.RunAsync<AssignTeamRole, Outcome>(u => u.ExecuteAsync(fixture.Organiser, eventId, new TeamRoleForm { Email = email, Role = EventRole.Vetter }));

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Errors[nameof(TeamRoleForm.Email)], m => m.Contains("valid email address"));
        Assert.Equal(1, await fixture.WithDbAsync(db => db.EventTeamMembers.CountAsync(t => t.EventId == eventId)));
    }

    [Fact]
    public async Task A_100_KB_approver_group_is_refused_on_its_field()
    {
        var eventId = await fixture.NewEventAsync();

        var outcome = await fixture.RunAsync<AssignTeamRole, Outcome>(u => u.ExecuteAsync(fixture.Organiser, eventId, new TeamRoleForm { Email = BadInputApp.AdminEmail, Role = EventRole.Vetter, ApproverGroup = BadInputApp.Long }));

        Assert.Contains(outcome.Errors[nameof(TeamRoleForm.ApproverGroup)], m => m.Length is > 0 and < 400);
        Assert.Equal(1, await fixture.WithDbAsync(db => db.EventTeamMembers.CountAsync(t => t.EventId == eventId)));
    }

    [Theory]
    [InlineData(nameof(OrganisationForm.Name), "at most 300 characters")]
    [InlineData(nameof(OrganisationForm.Acronym), "at most 50 characters")]
    [InlineData(nameof(OrganisationForm.Aliases), "at most 4,000 characters")]
    [InlineData(nameof(OrganisationForm.EmailDomains), "at most 4,000 characters")]
    public async Task A_100_KB_organisation_field_is_refused_with_its_limit(string field, string message)
    {
        var form = new OrganisationForm { Name = "European Neighbourhood Council " + Guid.NewGuid() };
        typeof(OrganisationForm).GetProperty(field)!.SetValue(form, BadInputApp.Long);
        var before = await fixture.WithDbAsync(db => db.Organisations.CountAsync());

        var outcome = await fixture.RunAsync<SaveOrganisation, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Admin, form));

        Assert.Contains(outcome.Errors[field], m => m.Contains(message));
        Assert.Equal(before, await fixture.WithDbAsync(db => db.Organisations.CountAsync()));
    }

    [Theory]
    [InlineData("kas.de\n<script>alert(1)</script>")]
    [InlineData("@@@")]
    [InlineData("kas.de; ../../etc")]
    public async Task A_bad_email_domain_is_named_in_the_message(string domains)
    {
        var outcome = await fixture.RunAsync<SaveOrganisation, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Admin, new OrganisationForm { Name = "ENC " + Guid.NewGuid(), EmailDomains = domains }));

        Assert.Contains(outcome.Errors[nameof(OrganisationForm.EmailDomains)], m => m.Contains("is not an email domain"));
    }

    [Theory]
    [MemberData(nameof(BadInputApp.Names), MemberType = typeof(BadInputApp))]
    public async Task An_organisation_named_in_any_script_or_with_markup_is_stored_exactly_and_listed_encoded(string name)
    {
        var outcome = await fixture.RunAsync<SaveOrganisation, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Admin, new OrganisationForm { Name = name, Aliases = name }));

        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        var stored = await fixture.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == outcome.Value));
        Assert.Equal(name, stored.Name, StringComparer.Ordinal);
        Assert.Equal([name], stored.Aliases);
        var page = await (await fixture.StaffAsync(BadInputApp.AdminEmail)).GetStringAsync("/admin/organisations");
        Assert.Contains(BadInputApp.Parse(page).QuerySelectorAll("td"), td => td.TextContent == name);
        Assert.DoesNotContain("<script>alert", page);
    }

    [Theory]
    [InlineData(nameof(InviteForm.Subject), "long", "at most 300 characters")]
    [InlineData(nameof(InviteForm.Message), "long", "at most 20,000 characters")]
    [InlineData(nameof(InviteForm.Subject), "{password}", "Unknown placeholder {password}")]
    [InlineData(nameof(InviteForm.Message), "Dear {name}, your {{ssn}}", "Unknown placeholder")]
    [InlineData(nameof(InviteForm.Subject), " ", "Enter a subject")]
    public async Task A_bad_invitation_text_is_refused_on_its_field_and_nobody_is_invited(string field, string text, string message)
    {
        var eventId = await fixture.NewEventAsync();
        var contact = await fixture.RunAsync<SaveContact, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, new ContactForm { DirectoryOrganisationId = fixture.Kas.Id, Name = "Ana Lima", Email = UniqueEmail("ana") }));
        var form = new InviteForm { ContactIds = [contact.Value] };
        typeof(InviteForm).GetProperty(field)!.SetValue(form, text == "long" ? BadInputApp.Long : text);

        var outcome = await fixture.RunAsync<InviteExperts, Outcome<InviteResult>>(u => u.ExecuteAsync(fixture.Organiser, eventId, form));

        Assert.Contains(outcome.Errors[field], m => m.Contains(message));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Invitations.CountAsync(i => i.EventId == eventId)));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.OutboundEmails.CountAsync(m => m.EventId == eventId)));
    }

    [Fact]
    public async Task Markup_and_line_breaks_in_an_invitation_reach_the_email_encoded_and_add_no_header()
    {
        const string hostile = "<script>alert('x')</script>\r\nBcc: everyone@example.org";
        var eventId = await fixture.NewEventAsync(hostile.Replace("\r\n", " "));
        var email = UniqueEmail("ana");
        var contact = await fixture.RunAsync<SaveContact, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, new ContactForm { DirectoryOrganisationId = fixture.Kas.Id, Name = "Ana <b>Lima</b>", Email = email }));

        var outcome = await fixture.RunAsync<InviteExperts, Outcome<InviteResult>>(u => u.ExecuteAsync(fixture.Organiser, eventId,
            new InviteForm { ContactIds = [contact.Value], Subject = "{name}: " + hostile, Message = "Dear {name},\n\n" + hostile + "\n\n{event}" }));
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));

        var row = await fixture.WithDbAsync(db => db.OutboundEmails.AsNoTracking().SingleAsync(m => m.EventId == eventId));
        Assert.DoesNotContain("<script>", row.HtmlBody);
        Assert.DoesNotContain("<b>Lima", row.HtmlBody);
        Assert.Contains("&lt;script&gt;", row.HtmlBody);

        // Send it through the outbox to the pickup folder and read the message as the relay would get it.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().ExecuteAsync(CancellationToken.None);
        }

        var pickup = fixture.App.Services.GetRequiredService<IConfiguration>()["Email:PickupDirectory"]!;
        var message = Directory.GetFiles(pickup, "*.eml").Select(path => MimeKit.MimeMessage.Load(path)).Single(m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Single(message.To.Mailboxes);
        Assert.Empty(message.Cc);
        Assert.Empty(message.Bcc);
        Assert.DoesNotContain(message.Headers, h => h.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert('x')</script>", message.Subject!);
    }

    [Theory]
    [InlineData("a b@example.org")]
    [InlineData("<script>@example.org")]
    [InlineData("a@b@example.org")]
    [InlineData("ana@example.org\r\nBcc: everyone@example.org")]
    public async Task An_expert_whose_stored_address_cannot_be_mailed_fails_alone_with_the_address_named_and_the_others_are_sent(string address)
    {
        // A directory row written before addresses were checked as they are now (the form and the import refuse these).
        var eventId = await fixture.NewEventAsync();
        var good = await fixture.RunAsync<SaveContact, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, new ContactForm { DirectoryOrganisationId = fixture.Kas.Id, Name = "Ana Lima", Email = UniqueEmail("ana") }));
        var legacy = await fixture.WithDbAsync(async db =>
        {
            var c = new Contact { Id = Guid.NewGuid(), DirectoryOrganisationId = fixture.Kas.Id, Name = "Jonas Berg", Email = address, NormalizedEmail = Contact.Normalize(address), CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
            db.Contacts.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var invited = await fixture.RunAsync<InviteExperts, Outcome<InviteResult>>(u => u.ExecuteAsync(fixture.Organiser, eventId, new InviteForm { ContactIds = [legacy, good.Value] }));
        Assert.Equal(2, invited.Value!.Invited);

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().ExecuteAsync(CancellationToken.None);
        }

        var rows = await fixture.WithDbAsync(db => db.OutboundEmails.AsNoTracking().Where(m => m.EventId == eventId).ToListAsync());
        var failed = Assert.Single(rows, m => m.Status == OutboundEmailStatus.Failed);
        Assert.Contains(address.Trim(), failed.LastError);
        Assert.Single(rows, m => m.Status == OutboundEmailStatus.Sent);
        Assert.Equal(InvitationStatus.Bounced, await fixture.WithDbAsync(db => db.Invitations.Where(i => i.ContactId == legacy).Select(i => i.Status).SingleAsync()));
    }

    [Theory]
    [InlineData(nameof(RegistrationQuestionForm.Label), "at most 500 characters")]
    [InlineData(nameof(RegistrationQuestionForm.Options), "at most 4,000 characters")]
    public async Task A_100_KB_registration_question_is_refused_with_its_limit(string field, string message)
    {
        var eventId = await fixture.NewEventAsync();
        var form = new RegistrationQuestionForm { Label = "Which panel?", Kind = QuestionKind.SingleChoice, Options = "A\nB" };
        typeof(RegistrationQuestionForm).GetProperty(field)!.SetValue(form, BadInputApp.Long);

        var outcome = await fixture.RunAsync<SaveRegistrationQuestion, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, eventId, form));

        Assert.Contains(outcome.Errors[field], m => m.Contains(message));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.RegistrationQuestions.CountAsync(q => q.EventId == eventId)));
    }

    [Theory]
    [MemberData(nameof(BadInputApp.Names), MemberType = typeof(BadInputApp))]
    public async Task A_question_in_any_script_is_shown_exactly_to_the_invitee_and_a_100_KB_answer_is_refused_with_its_limit(string label)
    {
        var eventId = await fixture.NewEventAsync();
        var question = await fixture.RunAsync<SaveRegistrationQuestion, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, eventId, new RegistrationQuestionForm { Label = label, Kind = QuestionKind.ShortText }));
        Assert.True(question.Succeeded);
        var email = UniqueEmail("ana");
        var (token, _) = await fixture.InviteAsync(eventId, email: email);
        var client = fixture.Anonymous();

        var page = await client.GetStringAsync($"/i/{token}");
        var field = "answer-" + question.Value.ToString("N");
        Assert.Equal(label, BadInputApp.Parse(page).QuerySelector($"label[for='{field}']")!.TextContent.Trim(), StringComparer.Ordinal);
        Assert.DoesNotContain("<script>alert", page);

        var (_, html) = await BadInputApp.PostFormAsync(client, $"/i/{token}", "accept",
            [new("Model.Name", "Ana Lima"), new("Model.Email", email), new("Model.Organisation", "EEAS"), new("Model.AcknowledgeRule", "true"), new(field, BadInputApp.Long)]);
        Assert.Contains(BadInputApp.MessagesFor(BadInputApp.Parse(html), field), m => m.Contains("at most 500 characters"));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.Registrations.CountAsync(r => r.EventId == eventId)));
    }

    [Theory]
    [InlineData("100 KB subject", nameof(ReminderRuleForm.Subject), "at most 300 characters")]
    [InlineData("100 KB message", nameof(ReminderRuleForm.Message), "at most 20,000 characters")]
    [InlineData("unknown placeholder", nameof(ReminderRuleForm.Subject), "Unknown placeholder {iban}")]
    [InlineData("year 1", nameof(ReminderRuleForm.SendAtLocal), "between the years")]
    [InlineData("year 9999", nameof(ReminderRuleForm.SendAtLocal), "between the years")]
    public async Task A_bad_one_off_reminder_is_refused_on_its_field_and_nothing_is_scheduled(string how, string field, string message)
    {
        var eventId = await fixture.NewEventAsync();
        var rules = await fixture.WithDbAsync(db => db.ReminderRules.CountAsync(r => r.EventId == eventId));
        var form = new ReminderRuleForm { Kind = ReminderKind.OneOff, SendAtLocal = BadInputApp.EventForm().StartsLocal!.Value.AddDays(-1), Subject = "Tomorrow", Message = "See you tomorrow." };
        switch (how)
        {
            case "100 KB subject": form.Subject = BadInputApp.Long; break;
            case "100 KB message": form.Message = BadInputApp.Long; break;
            case "unknown placeholder": form.Subject = "Your {iban}"; break;
            case "year 1": form.SendAtLocal = DateTime.MinValue; break;
            case "year 9999": form.SendAtLocal = DateTime.MaxValue; break;
        }

        var outcome = await fixture.RunAsync<SaveReminderRule, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, eventId, form));

        Assert.Contains(outcome.Errors[field], m => m.Contains(message));
        Assert.Equal(rules, await fixture.WithDbAsync(db => db.ReminderRules.CountAsync(r => r.EventId == eventId)));
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00", "between the years")]
    [InlineData("9999-12-31T23:59:59", "between the years")]
    public async Task An_implausible_edit_cut_off_is_refused_on_its_field(string cutoff, string message)
    {
        var eventId = await fixture.NewEventAsync();

        var outcome = await fixture.RunAsync<SaveRegistrationSettings, Outcome>(u => u.ExecuteAsync(fixture.Organiser, eventId,
            new RegistrationSettingsForm { EditCutoffLocal = DateTime.Parse(cutoff, System.Globalization.CultureInfo.InvariantCulture), WaitlistOfferHours = 48 }));

        Assert.Contains(outcome.Errors[nameof(RegistrationSettingsForm.EditCutoffLocal)], m => m.Contains(message));
        Assert.Null(await fixture.WithDbAsync(db => db.Events.Where(e => e.Id == eventId).Select(e => e.EditCutoffUtc).SingleAsync()));
    }

    private Task<(int Users, int Emails)> CountsAsync() => fixture.WithDbAsync(async db => (await db.Users.CountAsync(), await db.OutboundEmails.CountAsync()));
}
