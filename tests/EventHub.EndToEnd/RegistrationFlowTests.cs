using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.Core.Features.Invitations;
using EventHub.Core.Features.Registrations;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class RegistrationFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Title = "Security Engagement in Central Asia";

    [Fact]
    public async Task Accept_with_a_required_question_and_security_data_then_edit_and_cancel_on_the_attendee_page_from_the_received_email()
    {
        var kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = TestUsers.Principal(await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]));
        Guid eventId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var created = await sp.GetRequiredService<CreateEvent>().ExecuteAsync(clara, new EventForm
            {
                Title = Title,
                StartsLocal = DateTime.Today.AddDays(20).AddHours(10),
                EndsLocal = DateTime.Today.AddDays(20).AddHours(13),
                TimeZoneId = "Europe/Brussels",
                City = "Brussels",
                Venue = "Altiero Spinelli building, room 5G2",
                Capacity = 35,
                Status = EventStatus.Open,
            });
            eventId = created.Value;
            var contact = new Contact { Id = Guid.NewGuid(), DirectoryOrganisationId = kas.Id, Name = "Ada Novak", Email = "ada@think.example", NormalizedEmail = "ada@think.example", Sector = Sector.ThinkTank, OrganisationName = "Think Institute" };
            await App.WithDbAsync(db => { db.Contacts.Add(contact); return db.SaveChangesAsync(); });
        }

        // The organiser asks for security data and adds a required question on the registration form page.
        await LogInAsync("clara@kas.example");
        await OpenAsync($"/events/{eventId}/registration-form");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Registration form", Exact = true }).WaitForAsync();
        await Page.GetByLabel("The venue's security needs date of birth, nationality and identity document", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Settings saved.")).ToBeVisibleAsync();
        await Page.GetByLabel("Question *", new() { Exact = true }).FillAsync("Which panel will you join?");
        await Page.GetByLabel("Kind of answer", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "One choice" });
        await Page.GetByLabel("Options, one per line *", new() { Exact = true }).FillAsync("Energy\nSecurity");
        await Page.GetByLabel("An answer is required", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add question", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Question “Which panel will you join?” added.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("One choice: Energy · Security")).ToBeVisibleAsync();
        await ScreenshotAsync("registration-form");
        await Context.ClearCookiesAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var contactId = await App.WithDbAsync(db => db.Contacts.Select(c => c.Id).SingleAsync());
            Assert.True((await scope.ServiceProvider.GetRequiredService<InviteExperts>().ExecuteAsync(clara, eventId, new InviteForm { ContactIds = [contactId] })).Succeeded);
        }

        var invitation = await Smtp.WaitForMessageToAsync("ada@think.example", MailWait);
        await Page.GotoAsync(LinkIn(invitation, "/i/"));

        // Required question and security fields missing: errors next to the fields, nothing saved.
        await Page.GetByLabel("I will respect the Chatham House Rule.", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Answer “Which panel will you join?”.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Enter the number of your identity document.")).ToBeVisibleAsync();
        await ScreenshotAsync("accept-errors");

        await Page.GetByLabel("Which panel will you join? *", new() { Exact = true }).SelectOptionAsync("Security");
        await Page.GetByLabel("Date of birth *", new() { Exact = true }).FillAsync("1980-05-17");
        await Page.GetByLabel("Nationality *", new() { Exact = true }).FillAsync("Estonian");
        await Page.GetByLabel("Identity document type *", new() { Exact = true }).FillAsync("Passport");
        await Page.GetByLabel("Identity document number *", new() { Exact = true }).FillAsync("KX9931177");
        await Page.GetByLabel("Position", new() { Exact = true }).FillAsync("Fellow");
        await Page.GetByLabel("I will respect the Chatham House Rule.", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Thank you. Your registration is with the organisers")).ToBeVisibleAsync();

        var received = await Smtp.WaitForMessageToAsync("ada@think.example", MailWait, m => m.Subject?.StartsWith("Registration received", StringComparison.Ordinal) == true);
        await Page.GotoAsync(LinkIn(received, "/r/"));
        await Assertions.Expect(Page.GetByText("Pending: the organisers are reviewing your registration.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Your security details are on file.")).ToBeVisibleAsync();
        Assert.DoesNotContain("KX9931177", await Page.ContentAsync());
        Assert.DoesNotContain("Spinelli", await Page.ContentAsync());
        await Assertions.Expect(Page.GetByLabel("Which panel will you join? *", new() { Exact = true })).ToHaveValueAsync("Security");
        await ScreenshotAsync("attendee-page");

        await Page.GetByLabel("Position", new() { Exact = true }).FillAsync("Senior Fellow");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save my details", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Your details are saved.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByLabel("Position", new() { Exact = true })).ToHaveValueAsync("Senior Fellow");

        await Page.GetByLabel("Yes, cancel my attendance", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel my attendance", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Your attendance is cancelled.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Cancelled: you are no longer registered.")).ToBeVisibleAsync();

        var registration = await App.WithDbAsync(db => db.Registrations.Include(r => r.Answers).SingleAsync());
        Assert.Equal(("Senior Fellow", RegistrationStatus.Cancelled, "Security"), (registration.Position, registration.Status, Assert.Single(registration.Answers).Value));
        Assert.NotNull(registration.ProtectedSecurityData);
        Assert.DoesNotContain("KX9931177", registration.ProtectedSecurityData);
    }
}
