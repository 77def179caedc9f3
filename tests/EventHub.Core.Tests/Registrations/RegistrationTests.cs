using System.Text;
using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Invitations;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Registrations;
using EventHub.Core.Tests.Invitations;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Registrations;

public sealed class RegistrationTests
{
    private static readonly DateTime EventStart = new(2026, 12, 9, 10, 0, 0);

    private static async Task<string> InviteAsync(InvitationScenario s, string name, string email)
    {
        var contact = await s.AddContactAsync(name, email);
        var outcome = await s.InScopeAsync(sp => sp.GetRequiredService<InviteExperts>().ExecuteAsync(s.Organiser, s.EventId, new InviteForm { ContactIds = [contact.Id] }));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
        return InvitationScenario.TokenIn((await s.EmailsAsync()).Single(e => e.ToAddress == email));
    }

    private static string AttendeeTokenIn(OutboundEmail email)
    {
        var match = Regex.Match(email.TextBody, @"/r/([A-Za-z0-9_-]{43})");
        Assert.True(match.Success, "the email carries a link to the attendee's page:\n" + email.TextBody);
        return match.Groups[1].Value;
    }

    private static async Task ConfigureAsync(InvitationScenario s, bool security, bool allowRequests = false, params RegistrationQuestionForm[] questions)
    {
        var settings = await s.InScopeAsync(sp => sp.GetRequiredService<SaveRegistrationSettings>().ExecuteAsync(s.Organiser, s.EventId, new RegistrationSettingsForm { RequireSecurityData = security, AllowRequests = allowRequests, WaitlistOfferHours = 48 }));
        Assert.True(settings.Succeeded, string.Join("; ", settings.Errors.SelectMany(e => e.Value)));
        foreach (var q in questions)
        {
            var saved = await s.InScopeAsync(sp => sp.GetRequiredService<SaveRegistrationQuestion>().ExecuteAsync(s.Organiser, s.EventId, q));
            Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.SelectMany(e => e.Value)));
        }
    }

    private static AcceptForm FullAcceptForm(string email, Dictionary<Guid, string?> answers) => new()
    {
        Name = "Ada Novak",
        Email = email,
        Organisation = "Think Institute",
        Position = "Fellow",
        Sector = Sector.ThinkTank,
        Phone = "+32 2 555 0101",
        DateOfBirth = new DateOnly(1980, 5, 17),
        Nationality = "Estonian",
        DocumentType = "Passport",
        DocumentNumber = "KX9931177",
        AcknowledgeRule = true,
        Answers = answers,
    };

    private static async Task<Guid> QuestionIdAsync(InvitationScenario s, string label)
    {
        await using var db = await s.Database.Factory.CreateDbContextAsync();
        return (await db.RegistrationQuestions.SingleAsync(q => q.Label == label)).Id;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accepting_with_security_data_stores_it_encrypted_with_the_answers_and_queues_the_received_email_with_the_registration(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);
        await ConfigureAsync(s, security: true, questions: [new RegistrationQuestionForm { Label = "Which panel?", Kind = QuestionKind.SingleChoice, Options = "Energy\nSecurity", Required = true }]);
        var token = await InviteAsync(s, "Ada Novak", "ada@think.example");
        var panel = await QuestionIdAsync(s, "Which panel?");

        var outcome = await host.Scoped.GetRequiredService<AcceptInvitation>().ExecuteAsync(token, FullAcceptForm("ada@think.example", new() { [panel] = "Security" }));

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
        await using var db = await database.Factory.CreateDbContextAsync();
        var registration = await db.Registrations.Include(r => r.Answers).SingleAsync();
        var raw = await db.Database.SqlQueryRaw<string>($"SELECT \"ProtectedSecurityData\" AS \"Value\" FROM \"Registrations\" WHERE \"Id\" = {{0}}", registration.Id).SingleAsync();
        Assert.DoesNotContain("KX9931177", raw);
        Assert.DoesNotContain("Estonian", raw);
        var details = host.Services.GetRequiredService<SecurityData>().Unprotect(raw);
        Assert.Equal(new SecurityDetails(new DateOnly(1980, 5, 17), "Estonian", "Passport", "KX9931177"), details);
        Assert.Equal(("Fellow", Sector.ThinkTank, "+32 2 555 0101", false), (registration.Position, registration.Sector, registration.Phone, registration.ListMeConsent));
        Assert.Equal("Security", Assert.Single(registration.Answers).Value);
        var received = await db.OutboundEmails.SingleAsync(e => e.CorrelationKey == $"registration:{registration.Id}:received");
        Assert.Equal("ada@think.example", received.ToAddress);
        Assert.Equal(registration.CreatedAtUtc, received.CreatedAtUtc);
        AttendeeTokenIn(received);
        Assert.Single(await db.RegistrationLinks.Where(l => l.RegistrationId == registration.Id).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Required_questions_choices_and_security_fields_are_enforced_field_by_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);
        await ConfigureAsync(s, security: true, questions:
        [
            new RegistrationQuestionForm { Label = "Which panel?", Kind = QuestionKind.SingleChoice, Options = "Energy\nSecurity", Required = true },
            new RegistrationQuestionForm { Label = "Topics", Kind = QuestionKind.MultipleChoice, Options = "Trade\nDefence" },
        ]);
        var noOptions = await s.InScopeAsync(sp => sp.GetRequiredService<SaveRegistrationQuestion>().ExecuteAsync(s.Organiser, s.EventId, new RegistrationQuestionForm { Label = "Pick", Kind = QuestionKind.SingleChoice }));
        var token = await InviteAsync(s, "Ada Novak", "ada@think.example");
        var panel = await QuestionIdAsync(s, "Which panel?");
        var topics = await QuestionIdAsync(s, "Topics");
        var form = FullAcceptForm("ada@think.example", new() { [topics] = "Trade\nPoetry" });
        form.DocumentNumber = " ";
        form.DateOfBirth = null;

        var outcome = await host.Scoped.GetRequiredService<AcceptInvitation>().ExecuteAsync(token, form);

        Assert.Equal(["Enter at least two options, one per line."], noOptions.Errors["Options"]);
        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Equal(["Answer “Which panel?”."], outcome.Errors[RegistrationDetailsForm.AnswerField(panel)]);
        Assert.Equal(["Choose one of the options for “Topics”."], outcome.Errors[RegistrationDetailsForm.AnswerField(topics)]);
        Assert.Equal(["Enter the number of your identity document."], outcome.Errors["DocumentNumber"]);
        Assert.Equal(["Enter your date of birth: the venue's security needs it."], outcome.Errors["DateOfBirth"]);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Empty(await db.Registrations.ToListAsync());
        Assert.Empty(await db.RegistrationAnswers.ToListAsync());
        Assert.Equal(InvitationStatus.Sent, (await db.Invitations.SingleAsync()).Status);
        Assert.DoesNotContain(await db.OutboundEmails.ToListAsync(), e => e.CorrelationKey.StartsWith("registration:"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Requests_are_refused_unless_the_event_takes_them_a_honeypot_writes_nothing_and_a_real_request_is_pending(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);
        RequestForm Form(string? website = null) => new()
        {
            Name = "Jon Field",
            Email = "jon@press.example",
            Organisation = "Press Agency",
            Reason = "I cover Central Asia.",
            AcknowledgeRule = true,
            Website = website,
        };
        var request = host.Scoped.GetRequiredService<RequestToAttend>();

        var closed = await request.ExecuteAsync(s.EventId, Form());
        var closedView = await host.Scoped.GetRequiredService<OpenRequestPage>().ExecuteAsync(s.EventId);
        await ConfigureAsync(s, security: false, allowRequests: true);
        var bot = await request.ExecuteAsync(s.EventId, Form(website: "http://spam.example"));
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            Assert.Empty(await db.Registrations.ToListAsync());
            Assert.Empty(await db.OutboundEmails.ToListAsync());
        }

        var real = await request.ExecuteAsync(s.EventId, Form());

        Assert.Equal(OutcomeStatus.NotFound, closed.Status);
        Assert.Null(closedView);
        Assert.True(bot.Succeeded);
        Assert.True(real.Succeeded, string.Join("; ", real.Errors.SelectMany(e => e.Value)));
        await using var after = await database.Factory.CreateDbContextAsync();
        var registration = await after.Registrations.SingleAsync();
        Assert.Equal((RegistrationSource.Request, RegistrationStatus.Pending, "Jon Field", "I cover Central Asia."), (registration.Source, registration.Status, registration.Name, registration.NominationReason));
        Assert.Equal("jon@press.example", (await after.OutboundEmails.SingleAsync(e => e.CorrelationKey == $"registration:{registration.Id}:received")).ToAddress);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changing_a_vetted_field_after_approval_returns_the_registration_to_vetting_and_tells_the_team(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);
        await ConfigureAsync(s, security: true);
        var invitationToken = await InviteAsync(s, "Ada Novak", "ada@think.example");
        Assert.True((await host.Scoped.GetRequiredService<AcceptInvitation>().ExecuteAsync(invitationToken, FullAcceptForm("ada@think.example", []))).Succeeded);
        var token = AttendeeTokenIn((await s.EmailsAsync()).Single(e => e.CorrelationKey.EndsWith(":received")));
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var r = await db.Registrations.SingleAsync();
            r.Status = RegistrationStatus.Approved;
            r.ApprovedAtUtc = host.Clock.GetUtcNow().UtcDateTime;
            db.RegistrationApprovals.Add(new RegistrationApproval { Id = Guid.NewGuid(), RegistrationId = r.Id, Group = "Organiser", Decision = VettingDecision.Approved, AtUtc = r.ApprovedAtUtc.Value });
            (await db.Events.SingleAsync()).ApprovedCount = 1;
            await db.SaveChangesAsync();
        }

        var update = host.Scoped.GetRequiredService<UpdateAttendeeDetails>();
        var page = await host.Scoped.GetRequiredService<OpenAttendeePage>().ExecuteAsync(token);
        var dietOnly = page!.Details;
        dietOnly.DietaryNeeds = "Vegetarian";
        var unchanged = await update.ExecuteAsync(token, dietOnly);
        var approvedPage = await host.Scoped.GetRequiredService<OpenAttendeePage>().ExecuteAsync(token);
        var newPosition = approvedPage!.Details;
        newPosition.Position = "Senior Fellow";
        var returned = await update.ExecuteAsync(token, newPosition);

        Assert.Equal(("Room ASP 5G2", true), (approvedPage.Venue, approvedPage.SecurityDataOnFile));
        Assert.False(unchanged.Value);
        Assert.True(returned.Value);
        await using var after = await database.Factory.CreateDbContextAsync();
        var registration = await after.Registrations.Include(r => r.Approvals).SingleAsync();
        Assert.Equal((RegistrationStatus.Pending, "Senior Fellow", "Vegetarian"), (registration.Status, registration.Position, registration.DietaryNeeds));
        Assert.True(Assert.Single(registration.Approvals).Superseded);
        Assert.Equal(0, (await after.Events.SingleAsync()).ApprovedCount);
        var revet = Assert.Single(await after.OutboundEmails.Where(e => e.CorrelationKey.StartsWith($"registration:{registration.Id}:revet:1")).ToListAsync());
        Assert.Equal("clara@kas.example", revet.ToAddress);
        Assert.Contains("position", revet.TextBody);
        Assert.Null((await host.Scoped.GetRequiredService<OpenAttendeePage>().ExecuteAsync(token))!.Venue);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_calendar_entry_is_for_approved_people_only_and_cancelling_gives_the_place_back(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);
        var invitationToken = await InviteAsync(s, "Ada Novak", "ada@think.example");
        Assert.True((await host.Scoped.GetRequiredService<AcceptInvitation>().ExecuteAsync(invitationToken, FullAcceptForm("ada@think.example", []))).Succeeded);
        var token = AttendeeTokenIn((await s.EmailsAsync()).Single(e => e.CorrelationKey.EndsWith(":received")));
        var calendar = host.Scoped.GetRequiredService<GetCalendarEntry>();

        var pending = await calendar.ExecuteAsync(token);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            (await db.Registrations.SingleAsync()).Status = RegistrationStatus.Approved;
            (await db.Events.SingleAsync()).ApprovedCount = 1;
            await db.SaveChangesAsync();
        }

        var approved = await calendar.ExecuteAsync(token);
        var cancelled = await host.Scoped.GetRequiredService<CancelAttendance>().ExecuteAsync(token);
        var twice = await host.Scoped.GetRequiredService<CancelAttendance>().ExecuteAsync(token);
        var afterCancel = await calendar.ExecuteAsync(token);

        Assert.Equal(OutcomeStatus.Forbidden, pending.Status);
        var ics = Encoding.UTF8.GetString(approved.Value!.Content);
        Assert.Contains("SUMMARY:Security Engagement in Central Asia", ics);
        Assert.Contains("Room ASP 5G2", ics);
        // In the event's zone, with its definition, read back by a calendar parser: 10:00 in Brussels is 09:00 UTC.
        Assert.Contains("DTSTART;TZID=Europe/Brussels:20261209T100000", ics);
        var parsed = Ical.Net.Calendar.Load(ics)!;
        var entry = Assert.Single(parsed.Events);
        Assert.Equal("Europe/Brussels", entry.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 12, 9, 9, 0, 0, DateTimeKind.Utc), entry.DtStart.AsUtc);
        Assert.Equal(new DateTime(2026, 12, 9, 12, 0, 0, DateTimeKind.Utc), entry.DtEnd!.AsUtc);
        Assert.Equal("Europe/Brussels", Assert.Single(parsed.TimeZones).TzId);
        Assert.True(cancelled.Succeeded);
        Assert.Equal(OutcomeStatus.Conflict, twice.Status);
        Assert.Equal(OutcomeStatus.Forbidden, afterCancel.Status);
        await using var after = await database.Factory.CreateDbContextAsync();
        var registration = await after.Registrations.SingleAsync();
        Assert.Equal(RegistrationStatus.Cancelled, registration.Status);
        Assert.NotNull(registration.CancelledAtUtc);
        Assert.Equal(0, (await after.Events.SingleAsync()).ApprovedCount);
        Assert.Contains(await after.AuditEntries.ToListAsync(), a => a.Action == "registration.cancelled" && a.SubjectId == registration.Id.ToString());
        Assert.Null(await host.Scoped.GetRequiredService<OpenAttendeePage>().ExecuteAsync("not-a-token"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_nominee_gets_the_received_email_worded_for_someone_who_did_not_ask(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);
        var token = await InviteAsync(s, "Bob Meyer", "bob@eeas.example");

        var nominated = await host.Scoped.GetRequiredService<NominateColleague>().ExecuteAsync(token, new NominationForm { Name = "Carla Rossi", Email = "carla@eeas.example", Organisation = "EEAS", Reason = "Covers Central Asia" });

        Assert.True(nominated.Succeeded);
        var email = (await s.EmailsAsync()).Single(e => e.CorrelationKey.EndsWith(":received"));
        Assert.Equal("carla@eeas.example", email.ToAddress);
        Assert.Contains("You did not ask for this email", email.TextBody);
        AttendeeTokenIn(email);
    }
}
