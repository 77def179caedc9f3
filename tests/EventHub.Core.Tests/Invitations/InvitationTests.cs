using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Invitations;
using EventHub.Core.Jobs;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Invitations;

public sealed class InvitationTests
{
    private static readonly DateTime EventStart = new(2026, 12, 9, 10, 0, 0);

    private static async Task<InviteResult> InviteAsync(InvitationScenario s, params Guid[] contactIds)
    {
        var outcome = await s.InScopeAsync(sp => sp.GetRequiredService<InviteExperts>().ExecuteAsync(s.Organiser, s.EventId, new InviteForm { ContactIds = [.. contactIds] }));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
        return outcome.Value!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Inviting_writes_one_personal_invitation_and_one_email_per_invitee_and_never_the_do_not_contact(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);
        var ada = await s.AddContactAsync("Ada Novak", "ada@think.example");
        var bob = await s.AddContactAsync("Bob Meyer", "bob@eeas.example");
        var dnc = await s.AddContactAsync("Dora Quiet", "dora@nato.example", doNotContact: true);

        var result = await InviteAsync(s, ada.Id, bob.Id, dnc.Id);
        var again = await InviteAsync(s, ada.Id);

        Assert.Equal(2, result.Invited);
        Assert.Equal(["Dora Quiet"], result.SkippedDoNotContact);
        Assert.Equal(0, again.Invited);
        Assert.Equal(["Ada Novak"], again.SkippedAlreadyInvited);
        var emails = await s.EmailsAsync();
        Assert.Equal(["ada@think.example", "bob@eeas.example"], emails.Select(e => e.ToAddress).Order());
        var adaEmail = emails.Single(e => e.ToAddress == "ada@think.example");
        Assert.Equal("Invitation: Security Engagement in Central Asia", adaEmail.Subject);
        Assert.Contains("Dear Ada Novak,", adaEmail.TextBody);
        Assert.Contains("Wednesday 9 December 2026, 10:00 CET", adaEmail.TextBody);
        Assert.DoesNotContain("Room ASP 5G2", adaEmail.HtmlBody); // the exact venue only after approval
        Assert.Contains("Chatham House Rule", adaEmail.TextBody);
        InvitationScenario.UnsubscribeTokenIn(adaEmail);

        // Only the SHA-256 of the token is stored.
        var token = InvitationScenario.TokenIn(adaEmail);
        await using var db = await database.Factory.CreateDbContextAsync();
        var link = await db.InvitationLinks.SingleAsync(l => l.TokenHash == PersonalToken.Hash(token));
        Assert.NotEqual(token, link.TokenHash);
        Assert.Equal(2, await db.InvitationLinks.CountAsync());
        var invitation = await db.Invitations.Include(i => i.History).SingleAsync(i => i.Id == link.InvitationId);
        Assert.Equal((InvitationStatus.Sent, "sent"), (invitation.Status, invitation.History.Single().Action));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_invitee_accepts_as_themselves_and_a_forwarded_link_cannot_register_someone_else(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);
        var ada = await s.AddContactAsync("Ada Novak", "Ada@Think.example");
        await InviteAsync(s, ada.Id);
        var token = InvitationScenario.TokenIn((await s.EmailsAsync()).Single());
        var accept = host.Scoped.GetRequiredService<AcceptInvitation>();

        var view = await host.Scoped.GetRequiredService<OpenInvitation>().ExecuteAsync(token);
        var forwarded = await accept.ExecuteAsync(token, new AcceptForm { Name = "Eve Intruder", Email = "eve@elsewhere.example", Organisation = "Elsewhere", AcknowledgeRule = true });
        var noRule = await accept.ExecuteAsync(token, new AcceptForm { Name = "Ada Novak", Email = "ada@think.example", Organisation = "Think", AcknowledgeRule = false });
        var accepted = await accept.ExecuteAsync(token, new AcceptForm { Name = "Ada Novak", Email = " ada@THINK.example ", Organisation = "Think Institute", Position = "Fellow", AcknowledgeRule = true });
        var twice = await accept.ExecuteAsync(token, new AcceptForm { Name = "Ada Novak", Email = "ada@think.example", Organisation = "Think Institute", AcknowledgeRule = true });

        Assert.NotNull(view);
        Assert.Equal(("Ada Novak", "Brussels", InvitationStatus.Sent), (view.InviteeName, view.City, view.Status));
        Assert.Equal(Sector.ThinkTank, view.InviteeSector); // the accept form starts from what the directory holds
        Assert.StartsWith("This invitation is personal", Assert.Single(forwarded.Errors["Email"]));
        Assert.Equal(["Please confirm that you will respect the Chatham House Rule."], noRule.Errors["AcknowledgeRule"]);
        Assert.True(accepted.Succeeded);
        Assert.Equal(OutcomeStatus.Conflict, twice.Status);
        await using var db = await database.Factory.CreateDbContextAsync();
        var registration = await db.Registrations.SingleAsync();
        Assert.Equal(("Ada Novak", "Ada@Think.example", RegistrationSource.Invitation, RegistrationStatus.Pending), (registration.Name, registration.Email, registration.Source, registration.Status));
        Assert.NotNull(registration.RuleAcknowledgedAtUtc);
        Assert.Equal(InvitationStatus.Accepted, (await db.Invitations.SingleAsync()).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Declining_and_nominating_are_recorded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);
        var ada = await s.AddContactAsync("Ada Novak", "ada@think.example");
        var bob = await s.AddContactAsync("Bob Meyer", "bob@eeas.example");
        await InviteAsync(s, ada.Id, bob.Id);
        var emails = await s.EmailsAsync();
        var adaToken = InvitationScenario.TokenIn(emails.Single(e => e.ToAddress == "ada@think.example"));
        var bobToken = InvitationScenario.TokenIn(emails.Single(e => e.ToAddress == "bob@eeas.example"));

        Assert.True((await host.Scoped.GetRequiredService<DeclineInvitation>().ExecuteAsync(adaToken, new DeclineForm { Reason = "Travelling" })).Succeeded);
        var self = await host.Scoped.GetRequiredService<NominateColleague>().ExecuteAsync(bobToken, new NominationForm { Name = "Bob", Email = "bob@eeas.example", Organisation = "EEAS", Reason = "me" });
        var nominated = await host.Scoped.GetRequiredService<NominateColleague>().ExecuteAsync(bobToken, new NominationForm { Name = "Carla Rossi", Email = "carla@eeas.example", Organisation = "EEAS", Reason = "Covers Central Asia" });

        Assert.Equal(["That is your own address: to attend yourself, accept the invitation."], self.Errors["Email"]);
        Assert.True(nominated.Succeeded);
        await using var db = await database.Factory.CreateDbContextAsync();
        var invitations = await db.Invitations.Include(i => i.Contact).ToListAsync();
        Assert.Equal((InvitationStatus.Declined, "Travelling"), (invitations.Single(i => i.Contact!.Name == "Ada Novak").Status, invitations.Single(i => i.Contact!.Name == "Ada Novak").DeclineReason));
        Assert.Equal(InvitationStatus.NominatedColleague, invitations.Single(i => i.Contact!.Name == "Bob Meyer").Status);
        var nomination = await db.Registrations.SingleAsync();
        Assert.Equal((RegistrationSource.Nomination, RegistrationStatus.Pending, "Carla Rossi", "Covers Central Asia"), (nomination.Source, nomination.Status, nomination.Name, nomination.NominationReason));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Forged_revoked_and_expired_links_open_nothing_and_a_resent_link_works_beside_the_first(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);
        var ada = await s.AddContactAsync("Ada Novak", "ada@think.example");
        await InviteAsync(s, ada.Id);
        var first = InvitationScenario.TokenIn((await s.EmailsAsync()).Single());
        var open = host.Scoped.GetRequiredService<OpenInvitation>();
        var invitationId = await host.Services.GetRequiredService<IDbContextFactory<EventHubDbContext>>().CreateDbContext().Invitations.Select(i => i.Id).SingleAsync();

        Assert.Null(await open.ExecuteAsync(PersonalToken.Create().Token));
        Assert.Null(await open.ExecuteAsync("not-a-token"));
        Assert.Null(await open.ExecuteAsync(first[..42] + (first[42] == 'A' ? 'B' : 'A')));

        Assert.True((await s.InScopeAsync(sp => sp.GetRequiredService<ResendInvitation>().ExecuteAsync(s.Organiser, s.EventId, invitationId))).Succeeded);
        var emails = await s.EmailsAsync();
        Assert.Equal(["invitation:" + invitationId + ":initial", "invitation:" + invitationId + ":resend:1"], emails.Select(e => e.CorrelationKey).Order());
        var second = InvitationScenario.TokenIn(emails.Single(e => e.CorrelationKey.EndsWith("resend:1")));
        Assert.NotEqual(first, second);
        Assert.NotNull(await open.ExecuteAsync(first));
        Assert.NotNull(await open.ExecuteAsync(second));

        Assert.True((await s.InScopeAsync(sp => sp.GetRequiredService<RevokeInvitation>().ExecuteAsync(s.Organiser, s.EventId, invitationId))).Succeeded);
        Assert.Null(await open.ExecuteAsync(first));
        Assert.Null(await open.ExecuteAsync(second));
        Assert.Equal(OutcomeStatus.NotFound, (await host.Scoped.GetRequiredService<AcceptInvitation>().ExecuteAsync(second, new AcceptForm { Name = "Ada", Email = "ada@think.example", Organisation = "T", AcknowledgeRule = true })).Status);

        // An invitation expires when the event starts.
        var bob = await s.AddContactAsync("Bob Meyer", "bob@eeas.example");
        await InviteAsync(s, bob.Id);
        var bobToken = InvitationScenario.TokenIn((await s.EmailsAsync()).Single(e => e.ToAddress == "bob@eeas.example"));
        Assert.NotNull(await open.ExecuteAsync(bobToken));
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.Zero));
        Assert.Null(await open.ExecuteAsync(bobToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_permanently_refused_invitation_email_marks_the_invitation_bounced(DatabaseProvider provider)
    {
        await using var sink = new SmtpSink();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database, new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Smtp", ["Smtp:Host"] = sink.Host, ["Smtp:Port"] = sink.Port.ToString(), ["Smtp:Security"] = "None",
        });
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);
        var ada = await s.AddContactAsync("Ada Novak", "ada@think.example");
        var gone = await s.AddContactAsync("Gone Away", "gone@think.example");
        sink.Refuse("gone@think.example", 550, "5.1.1 User unknown");
        await InviteAsync(s, ada.Id, gone.Id);

        await host.Services.GetRequiredService<DispatchOutbox>().ExecuteAsync(CancellationToken.None);

        await using var db = await database.Factory.CreateDbContextAsync();
        var invitations = await db.Invitations.Include(i => i.Contact).Include(i => i.History).ToListAsync();
        var bounced = invitations.Single(i => i.Contact!.Name == "Gone Away");
        Assert.Equal(InvitationStatus.Bounced, bounced.Status);
        Assert.Contains(bounced.History, h => h.Action == "bounced" && h.Detail!.Contains("User unknown"));
        Assert.Equal(InvitationStatus.Sent, invitations.Single(i => i.Contact!.Name == "Ada Novak").Status);
        var counts = (await s.InScopeAsync(sp => sp.GetRequiredService<ListInvitations>().ExecuteAsync(s.Organiser, s.EventId))).Value!.Counts;
        Assert.Equal((1, 1), (counts[InvitationStatus.Sent], counts[InvitationStatus.Bounced]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_link_in_every_email_stops_further_invitations(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);
        var ada = await s.AddContactAsync("Ada Novak", "ada@think.example");
        await InviteAsync(s, ada.Id);
        var unsubscribe = InvitationScenario.UnsubscribeTokenIn((await s.EmailsAsync()).Single());
        var stop = host.Scoped.GetRequiredService<StopInvitations>();

        Assert.Null(await stop.ExecuteAsync("forged" + unsubscribe[6..]));
        Assert.Equal("Konrad-Adenauer-Stiftung", await stop.ExecuteAsync(unsubscribe));

        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.True((await db.Contacts.SingleAsync()).DoNotContact);
        var invitationId = await db.Invitations.Select(i => i.Id).SingleAsync();
        var resend = await s.InScopeAsync(sp => sp.GetRequiredService<ResendInvitation>().ExecuteAsync(s.Organiser, s.EventId, invitationId));
        Assert.Equal(["Ada Novak asked not to be contacted."], resend.Errors[""]);
    }

    [Fact]
    public async Task Unknown_placeholders_and_an_empty_selection_are_refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = CoreTestHost.Create(database);
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);

        var outcome = await s.InScopeAsync(sp => sp.GetRequiredService<InviteExperts>().ExecuteAsync(s.Organiser, s.EventId, new InviteForm { Subject = "Hello {firstname}", Message = "Dear {name}" }));

        Assert.Equal(["Choose at least one expert to invite."], outcome.Errors["ContactIds"]);
        Assert.StartsWith("Unknown placeholder {firstname}.", Assert.Single(outcome.Errors["Subject"]));
        Assert.Empty(await s.EmailsAsync());
    }
}
