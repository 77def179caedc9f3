using System.Text;
using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class DirectoryTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task An_organiser_imports_a_csv_sees_the_bad_row_confirms_and_finds_the_experts_in_the_list()
    {
        var kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        await LogInAsync("clara@kas.example");
        await OpenAsync("/directory");
        await Assertions.Expect(Page.GetByText("No experts yet — import a CSV or add one.")).ToBeVisibleAsync();

        // Each step is opened as a fresh page so the test waits for that page's own circuit.
        await OpenAsync((await Page.GetByRole(AriaRole.Link, new() { Name = "Import a CSV", Exact = true }).GetAttributeAsync("href"))!);
        var csv = "Name;E-mail;Organisation;Sector\r\nZoë Müller;zoe.mueller@example.eu;KAS;Think-tank\r\n;nameless@example.org;;\r\nJosé Señor;jose.senor@example.es;Real Instituto Elcano;EU institution\r\n";
        await Page.GetByLabel("CSV file (up to 10 MB)", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "experts.csv",
            MimeType = "text/csv",
            Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)],
        });

        await Assertions.Expect(Page.GetByText("3 rows, read as UTF-8 with BOM, separated by semicolons.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#map-Email")).ToHaveValueAsync("1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check the file", Exact = true }).ClickAsync();

        await Assertions.Expect(Page.GetByText("2 will be added")).ToBeVisibleAsync();
        var badRow = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "The name is missing." });
        await Assertions.Expect(badRow.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("3");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Import…", Exact = true })).ToBeDisabledAsync();
        await ScreenshotAsync("directory-import-preview");
        Assert.Equal(0, await App.WithDbAsync(db => db.Contacts.CountAsync()));

        await Page.GetByLabel("Import the valid rows anyway", new() { Exact = false }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Import…", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Import 2 new contacts? The 1 row with errors will be left out.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, import", Exact = true }).ClickAsync();

        await Assertions.Expect(Page.GetByText("2 contacts added, 0 updated, 0 skipped; 1 row with errors left out.")).ToBeVisibleAsync();
        await OpenAsync((await Page.GetByRole(AriaRole.Link, new() { Name = "Back to the directory", Exact = true }).GetAttributeAsync("href"))!);
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Zoë Müller", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "José Señor", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Konrad-Adenauer-Stiftung", Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("directory-list");

        await Page.GetByLabel("Search", new() { Exact = true }).FillAsync("elcano");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Zoë Müller", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "José Señor", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Staff_who_keep_no_directory_see_neither_it_nor_new_event()
    {
        var kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        await App.CreateUserAsync("marc@kas.example", Password, kas.Id);
        await LogInAsync("marc@kas.example");
        await OpenAsync("/events");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Events", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "New event" })).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Expert directory" })).ToHaveCountAsync(0);

        await Page.GotoAsync("/directory");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Add an expert")).ToHaveCountAsync(0);
    }
}
