using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class InvitationFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Title = "Security Engagement in Central Asia";

    private async Task<Guid> SetUpAsync()
    {
        var kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        await using var scope = App.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateEvent>().ExecuteAsync(TestUsers.Principal(clara), new EventForm
        {
            Title = Title, StartsLocal = DateTime.Today.AddDays(20).AddHours(10), EndsLocal = DateTime.Today.AddDays(20).AddHours(13),
            TimeZoneId = "Europe/Brussels", City = "Brussels", Venue = "Altiero Spinelli building, room 5G2", Capacity = 35, Status = EventStatus.Open,
        });
        await App.WithDbAsync(async db =>
        {
            foreach (var (name, email) in new[] { ("Ada Novak", "ada@think.example"), ("Bob Meyer", "bob@eeas.example"), ("Cem Kaya", "cem@nato.example") })
            {
                db.Contacts.Add(new Contact { Id = Guid.NewGuid(), DirectoryOrganisationId = kas.Id, Name = name, Email = email, NormalizedEmail = email, Sector = Sector.ThinkTank, OrganisationName = "Central Asia Institute" });
            }

            return await db.SaveChangesAsync();
        });
        return created.Value;
    }

    private static string PersonalLink(MimeKit.MimeMessage message) => LinkIn(message, "/i/");

    [Fact]
    public async Task Invite_then_accept_decline_and_nominate_by_the_emailed_links_and_see_it_on_the_event()
    {
        var eventId = await SetUpAsync();
        await LogInAsync("clara@kas.example");
        await OpenAsync($"/events/{eventId}/invite");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Select all shown (3)", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Preview the email", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Subject: Invitation: " + Title)).ToBeVisibleAsync();
        await ScreenshotAsync("invite");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send invitations…", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Send 3 emails now?")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send 3 now", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("3 invitations queued")).ToBeVisibleAsync();

        var ada = await Smtp.WaitForMessageToAsync("ada@think.example", MailWait);
        var bob = await Smtp.WaitForMessageToAsync("bob@eeas.example", MailWait);
        var cem = await Smtp.WaitForMessageToAsync("cem@nato.example", MailWait);
        Assert.Equal("Invitation: " + Title, ada.Subject);
        Assert.Contains("Stop receiving invitations", ada.HtmlBody);
        await Context.ClearCookiesAsync();

        // Ada accepts; a forwarded link cannot register somebody else.
        await Page.GotoAsync(PersonalLink(ada));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = Title })).ToBeVisibleAsync();
        Assert.DoesNotContain("Spinelli", await Page.ContentAsync());
        await ScreenshotAsync("invitee-page");
        await Assertions.Expect(Page.GetByLabel("Your email")).ToHaveValueAsync("ada@think.example");
        await Page.GetByLabel("Your email").FillAsync("eve@elsewhere.example");
        await Page.GetByLabel("I will respect the Chatham House Rule.").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("This invitation is personal to the address it was sent to.")).ToBeVisibleAsync();
        await Page.GetByLabel("Your email").FillAsync("ada@think.example");
        await Page.GetByLabel("I will respect the Chatham House Rule.").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Thank you. Your registration is with the organisers")).ToBeVisibleAsync();

        // Bob declines.
        await Page.GotoAsync(PersonalLink(bob));
        await Page.GetByLabel("Reason (optional)").FillAsync("Travelling that week");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Decline the invitation", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Thank you for letting us know.")).ToBeVisibleAsync();

        // Cem nominates a colleague.
        await Page.GotoAsync(PersonalLink(cem));
        await Page.GetByLabel("Colleague's name").FillAsync("Dana Weiss");
        await Page.GetByLabel("Colleague's email").FillAsync("dana@nato.example");
        await Page.GetByLabel("Colleague's organisation").FillAsync("NATO");
        await Page.GetByLabel("Why they should attend").FillAsync("Leads our Central Asia desk");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Nominate my colleague", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Thank you. The organisers will review the nomination of Dana Weiss")).ToBeVisibleAsync();

        // A forged link shows one plain page that reveals nothing.
        await Page.GotoAsync("/i/" + PersonalToken.Create().Token);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "This link is not valid" })).ToBeVisibleAsync();
        Assert.DoesNotContain(Title, await Page.ContentAsync());

        // The organiser sees every answer.
        await LogInAsync("clara@kas.example");
        await OpenAsync($"/events/{eventId}/invitations");
        await Assertions.Expect(Page.GetByTestId("invitation-counts")).ToContainTextAsync("3 invited · 1 accepted · 1 declined · 1 nominated a colleague · 0 no answer");
        await ScreenshotAsync("invitations");
        var registrations = await App.WithDbAsync(db => db.Registrations.OrderBy(r => r.Name).Select(r => new { r.Name, r.Email, r.Source }).ToListAsync());
        Assert.Equal([("Ada Novak", "ada@think.example", RegistrationSource.Invitation), ("Dana Weiss", "dana@nato.example", RegistrationSource.Nomination)],
            registrations.Select(r => (r.Name, r.Email, r.Source)));
    }
}
