using System.Net;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Web.Tests.BadInput;

/// <summary>
/// The invitee's page (/i/{token}) and the attendee's page (/r/{token}) posted as a browser posts them: bad input gets its
/// message next to the field, nothing is written, and names come back exactly as typed on every page that shows them.
/// </summary>
public sealed class InviteePageBadInputTests(BadInputApp fixture) : IClassFixture<BadInputApp>
{
    private static IEnumerable<KeyValuePair<string, string>> Nomination(string name = "Jonas Berg", string email = "jonas.berg@example.org", string organisation = "NATO", string reason = "He leads the Central Asia desk.") =>
    [
        new("NominateModel.Name", name), new("NominateModel.Email", email), new("NominateModel.Organisation", organisation), new("NominateModel.Reason", reason),
    ];

    private static IEnumerable<KeyValuePair<string, string>> Acceptance(string name, string email, string organisation = "EEAS") =>
    [
        new("Model.Name", name), new("Model.Email", email), new("Model.Organisation", organisation), new("Model.AcknowledgeRule", "true"),
    ];

    private Task<int> RegistrationsAsync(Guid eventId) => fixture.WithDbAsync(db => db.Registrations.CountAsync(r => r.EventId == eventId));

    private Task<Invitation> InvitationAsync(Guid id) => fixture.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == id));

    [Fact]
    public async Task The_accept_form_shows_every_error_at_once_next_to_its_field()
    {
        var eventId = await fixture.NewEventAsync(change: e => e.RequireSecurityData = true);
        var (token, invitationId) = await fixture.InviteAsync(eventId);

        // Nothing ticked, the name and organisation emptied, another person's address, no security data: one round.
        var (status, html) = await BadInputApp.PostFormAsync(fixture.Anonymous(), $"/i/{token}", "accept",
            [new("Model.Name", ""), new("Model.Email", "someone.else@example.org"), new("Model.Organisation", "")]);

        Assert.Equal(HttpStatusCode.OK, status);
        var page = BadInputApp.Parse(html);
        Assert.Contains(BadInputApp.MessagesFor(page, "Model.AcknowledgeRule"), m => m.Contains("Chatham House Rule"));
        Assert.NotEmpty(BadInputApp.MessagesFor(page, "Model.Name"));
        Assert.NotEmpty(BadInputApp.MessagesFor(page, "Model.Organisation"));
        Assert.Contains(BadInputApp.MessagesFor(page, "Model.Email"), m => m.Contains("personal to the address"));
        Assert.Contains(BadInputApp.MessagesFor(page, "Model.DateOfBirth"), m => m.Contains("date of birth"));
        Assert.Equal(0, await RegistrationsAsync(eventId));
        Assert.Equal(InvitationStatus.Sent, (await InvitationAsync(invitationId)).Status);
    }

    [Theory]
    [MemberData(nameof(BadInputApp.BadEmails), MemberType = typeof(BadInputApp))]
    public async Task Nominating_a_colleague_with_an_invalid_email_shows_the_message_on_the_email_and_writes_nothing(string email)
    {
        var eventId = await fixture.NewEventAsync();
        var (token, invitationId) = await fixture.InviteAsync(eventId);

        var (status, html) = await BadInputApp.PostFormAsync(fixture.Anonymous(), $"/i/{token}", "nominate", Nomination(email: email));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(BadInputApp.MessagesFor(BadInputApp.Parse(html), "NominateModel.Email"), m => m.Contains("valid email address") || m.Contains("at most 320"));
        Assert.Equal(0, await RegistrationsAsync(eventId));
        Assert.Equal(InvitationStatus.Sent, (await InvitationAsync(invitationId)).Status);
    }

    [Theory]
    [InlineData("NominateModel.Name", "at most 300 characters")]
    [InlineData("NominateModel.Email", "at most 320 characters")]
    [InlineData("NominateModel.Organisation", "at most 300 characters")]
    [InlineData("NominateModel.Reason", "at most 2,000 characters")]
    public async Task A_100_KB_field_in_a_nomination_is_refused_with_its_limit_next_to_it(string field, string message)
    {
        var eventId = await fixture.NewEventAsync();
        var (token, invitationId) = await fixture.InviteAsync(eventId);
        var fields = Nomination().Select(f => f.Key == field ? new KeyValuePair<string, string>(field, BadInputApp.Long) : f);

        var (status, html) = await BadInputApp.PostFormAsync(fixture.Anonymous(), $"/i/{token}", "nominate", fields);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(BadInputApp.MessagesFor(BadInputApp.Parse(html), field), m => m.Contains(message));
        Assert.Equal(0, await RegistrationsAsync(eventId));
        Assert.Equal(InvitationStatus.Sent, (await InvitationAsync(invitationId)).Status);
    }

    [Theory]
    [MemberData(nameof(BadInputApp.Names), MemberType = typeof(BadInputApp))]
    public async Task A_nominee_named_in_any_script_or_with_markup_is_stored_exactly_and_the_thanks_show_it_encoded(string name)
    {
        var eventId = await fixture.NewEventAsync();
        var (token, _) = await fixture.InviteAsync(eventId);

        var (status, html) = await BadInputApp.PostFormAsync(fixture.Anonymous(), $"/i/{token}", "nominate", Nomination(name: name, organisation: name));

        Assert.Equal(HttpStatusCode.OK, status);
        var stored = await fixture.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.EventId == eventId));
        Assert.Equal(name, stored.Name, StringComparer.Ordinal);
        Assert.Equal(name, stored.OrganisationName, StringComparer.Ordinal);
        Assert.Equal(RegistrationSource.Nomination, stored.Source);
        Assert.Contains($"review the nomination of {name} and", BadInputApp.Parse(html).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Theory]
    [InlineData("Model.Name", "at most 300 characters")]
    [InlineData("Model.Organisation", "at most 300 characters")]
    [InlineData("Model.Position", "at most 300 characters")]
    [InlineData("Model.Phone", "at most 50 characters")]
    [InlineData("Model.DietaryNeeds", "at most 1,000 characters")]
    [InlineData("Model.AccessibilityNeeds", "at most 1,000 characters")]
    public async Task A_100_KB_field_in_an_acceptance_is_refused_with_its_limit_next_to_it(string field, string message)
    {
        var eventId = await fixture.NewEventAsync();
        var email = $"ana-{Guid.NewGuid():N}@example.org";
        var (token, invitationId) = await fixture.InviteAsync(eventId, email: email);
        var fields = Acceptance("Ana Lima", email).Where(f => f.Key != field).Append(new(field, BadInputApp.Long));

        var (status, html) = await BadInputApp.PostFormAsync(fixture.Anonymous(), $"/i/{token}", "accept", fields);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(BadInputApp.MessagesFor(BadInputApp.Parse(html), field), m => m.Contains(message));
        Assert.Equal(0, await RegistrationsAsync(eventId));
        Assert.Equal(InvitationStatus.Sent, (await InvitationAsync(invitationId)).Status);
    }

    [Theory]
    [MemberData(nameof(BadInputApp.Names), MemberType = typeof(BadInputApp))]
    public async Task An_attendee_named_in_any_script_is_stored_exactly_and_shown_exactly_to_vetters_and_on_their_own_page(string name)
    {
        var eventId = await fixture.NewEventAsync();
        var email = $"ana-{Guid.NewGuid():N}@example.org";
        var (token, _) = await fixture.InviteAsync(eventId, email: email);

        var (status, html) = await BadInputApp.PostFormAsync(fixture.Anonymous(), $"/i/{token}", "accept", Acceptance(name, email, organisation: name));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Your registration is with the organisers", html);
        var stored = await fixture.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.EventId == eventId));
        Assert.Equal(name, stored.Name, StringComparer.Ordinal);
        Assert.Equal(name, stored.OrganisationName, StringComparer.Ordinal);

        // The vetter's page of the registration.
        var staff = await fixture.StaffAsync();
        var vetting = await staff.GetStringAsync($"/events/{eventId}/registrations/{stored.Id}");
        Assert.Contains(name, BadInputApp.Parse(vetting).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", vetting);

        // The attendee's own page: the status line and the name field of the details form.
        var attendeeToken = await fixture.RegistrationLinkAsync(stored.Id);
        var own = BadInputApp.Parse(await fixture.Anonymous().GetStringAsync($"/r/{attendeeToken}"));
        Assert.Contains($"{name} ({email})", own.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(name, own.QuerySelectorAll("input").Single(i => i.GetAttribute("name") == "Model.Name").GetAttribute("value"), StringComparer.Ordinal);
        Assert.Equal(name, own.QuerySelectorAll("input").Single(i => i.GetAttribute("name") == "Model.Organisation").GetAttribute("value"), StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("Model.Name", "at most 300 characters")]
    [InlineData("Model.Organisation", "at most 300 characters")]
    [InlineData("Model.DietaryNeeds", "at most 1,000 characters")]
    public async Task A_100_KB_change_on_the_attendee_page_is_refused_and_the_registration_is_unchanged(string field, string message)
    {
        var eventId = await fixture.NewEventAsync();
        var email = $"ana-{Guid.NewGuid():N}@example.org";
        var (token, _) = await fixture.InviteAsync(eventId, email: email);
        await BadInputApp.PostFormAsync(fixture.Anonymous(), $"/i/{token}", "accept", Acceptance("Ana Lima", email));
        var before = await fixture.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.EventId == eventId));
        var attendeeToken = await fixture.RegistrationLinkAsync(before.Id);
        var fields = new Dictionary<string, string> { ["Model.Name"] = "Ana Lima", ["Model.Organisation"] = "EEAS", [field] = BadInputApp.Long };

        var (status, html) = await BadInputApp.PostFormAsync(fixture.Anonymous(), $"/r/{attendeeToken}", "details", fields);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(BadInputApp.MessagesFor(BadInputApp.Parse(html), field), m => m.Contains(message));
        var after = await fixture.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == before.Id));
        Assert.Equal((before.Name, before.OrganisationName, before.DietaryNeeds, before.ConcurrencyStamp), (after.Name, after.OrganisationName, after.DietaryNeeds, after.ConcurrencyStamp));
    }

    [Fact]
    public async Task A_100_KB_decline_reason_is_refused_and_the_invitation_stays_unanswered()
    {
        var eventId = await fixture.NewEventAsync();
        var (token, invitationId) = await fixture.InviteAsync(eventId);

        var (status, html) = await BadInputApp.PostFormAsync(fixture.Anonymous(), $"/i/{token}", "decline", [new("DeclineModel.Reason", BadInputApp.Long)]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(BadInputApp.MessagesFor(BadInputApp.Parse(html), "DeclineModel.Reason"), m => m.Contains("at most 2,000 characters"));
        var invitation = await InvitationAsync(invitationId);
        Assert.Equal(InvitationStatus.Sent, invitation.Status);
        Assert.Null(invitation.DeclineReason);
    }
}
