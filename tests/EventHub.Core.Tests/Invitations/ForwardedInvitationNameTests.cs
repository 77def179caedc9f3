using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Invitations;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Features.Vetting;
using EventHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Invitations;

/// <summary>
/// A forwarded invitation keeps the invitee's address but may carry another person's name: the vetters see a flag with both
/// names, and an event that asks for it refuses the other name outright. Titles, accents, case and order are not another name.
/// </summary>
public sealed class ForwardedInvitationNameTests
{
    private static readonly DateTime EventStart = new(2026, 12, 9, 10, 0, 0);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_name_is_flagged_with_both_names_and_refused_where_the_event_requires_the_invitees_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await InvitationScenario.CreateAsync(database, host, EventStart);
        var ada = await s.AddContactAsync("Ada Novák", "ada@think.example");
        var jose = await s.AddContactAsync("José Ruiz", "jose@think.example");
        var bob = await s.AddContactAsync("Bob Meyer", "bob@think.example");
        var invited = await s.InScopeAsync(sp => sp.GetRequiredService<InviteExperts>().ExecuteAsync(s.Organiser, s.EventId, new InviteForm { ContactIds = [ada.Id, jose.Id, bob.Id] }));
        Assert.True(invited.Succeeded);
        var tokens = (await s.EmailsAsync()).ToDictionary(e => e.ToAddress, InvitationScenario.TokenIn);
        var accept = host.Scoped.GetRequiredService<AcceptInvitation>();

        var forwarded = await accept.ExecuteAsync(tokens["ada@think.example"], Form("Eve Intruder", "ada@think.example"));
        var sameWithTitle = await accept.ExecuteAsync(tokens["jose@think.example"], Form("Dr. RUIZ, Jose", "jose@think.example"));
        var queue = await host.Scoped.GetRequiredService<ListVettingQueue>().ExecuteAsync(s.Organiser, s.EventId, new VettingQuery());

        Assert.True(forwarded.Succeeded);
        Assert.True(sameWithTitle.Succeeded);
        var eve = queue.Value!.Rows.Single(r => r.Email == "ada@think.example");
        Assert.True(eve.Flags.HasFlag(VettingFlags.NameDiffersFromInvitation));
        Assert.Equal(("Eve Intruder", "Ada Novák"), (eve.Name, eve.InvitedAs));
        Assert.Contains("Name differs from the invitation", VettingFlagText.Labels(eve.Flags));
        var joseRow = queue.Value.Rows.Single(r => r.Email == "jose@think.example");
        Assert.False(joseRow.Flags.HasFlag(VettingFlags.NameDiffersFromInvitation));
        Assert.Null(joseRow.InvitedAs);

        // The organisers ask for the invitee's own name: another one is refused with a message naming the field.
        var saved = await host.Scoped.GetRequiredService<SaveRegistrationSettings>().ExecuteAsync(s.Organiser, s.EventId, new RegistrationSettingsForm { RequireInviteeName = true });
        Assert.True(saved.Succeeded);
        var refused = await accept.ExecuteAsync(tokens["bob@think.example"], Form("Eve Intruder", "bob@think.example"));
        Assert.Equal(OutcomeStatus.Invalid, refused.Status);
        Assert.Contains("This invitation is for Bob Meyer", Assert.Single(refused.Errors[nameof(AcceptForm.Name)]));
        var bobOwn = await accept.ExecuteAsync(tokens["bob@think.example"], Form("Meyer Bob", "bob@think.example"));
        Assert.True(bobOwn.Succeeded);
    }

    [Theory]
    [InlineData("Ada Novák", "ada novak", true)]
    [InlineData("Prof. Dr. Ada Novák", "NOVAK, Ada", true)]
    [InlineData("H.E. Jean-Luc Picard", "Picard Jean Luc", true)]
    [InlineData("Ada Novák", "Ada Nowak", false)]
    [InlineData("Ada Novák", "Eve Novák", false)]
    [InlineData("Ada Novák", "Ada Maria Novák", false)]
    public void Titles_accents_case_and_order_do_not_make_another_name(string a, string b, bool same)
        => Assert.Equal(same, PersonNames.SamePerson(a, b));

    private static AcceptForm Form(string name, string email) => new() { Name = name, Email = email, Organisation = "Think", AcknowledgeRule = true };
}
