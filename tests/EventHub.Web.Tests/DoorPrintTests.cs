using System.Net;
using EventHub.Core.Data;
using EventHub.Core.Features.Door;
using EventHub.TestSupport;
using EventHub.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace EventHub.Web.Tests;

/// <summary>The door's three PDFs, downloaded by door staff and read back with a PDF reader.</summary>
public sealed class DoorPrintTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Door_staff_download_name_cards_a_check_in_sheet_and_badges_with_the_approved_names_and_each_download_is_audited()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        var kas = await app.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = TestUsers.Principal(await app.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents]));
        var marc = await app.CreateUserAsync("marc@kas.example", Password, kas.Id);
        var vera = await app.CreateUserAsync("vera@kas.example", Password, kas.Id);
        var scenario = await DoorScenario.CreateAsync(app.Services, clara, new DateTime(2026, 12, 9, 10, 0, 0),
            [("Zoë Ångström", "Nordic Council"), ("Παναγιώτης Παπαδόπουλος", "Hellenic Foundation"), ("ada novak", "Central Asia Institute")]);
        await app.WithDbAsync(async db =>
        {
            db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = scenario.EventId, UserId = marc.Id, Role = EventRole.DoorStaff, AddedAtUtc = DateTime.UtcNow });
            db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = scenario.EventId, UserId = vera.Id, Role = EventRole.Vetter, AddedAtUtc = DateTime.UtcNow });
            // Rejected after approval: on no printed list.
            db.Registrations.Add(new Registration
            {
                Id = Guid.NewGuid(), EventId = scenario.EventId, Source = RegistrationSource.Invitation, Status = RegistrationStatus.Rejected,
                Name = "Rex Rejected", Email = "rex@x.example", NormalizedEmail = "REX@X.EXAMPLE", CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
                ConcurrencyStamp = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });
        var door = await StaffLogin.ClientAsync(app, "marc@kas.example", Password);
        var vetter = await StaffLogin.ClientAsync(app, "vera@kas.example", Password);

        var cards = await PdfTextAsync(door, $"/events/{scenario.EventId}/door/name-cards.pdf");
        var sheet = await PdfTextAsync(door, $"/events/{scenario.EventId}/door/check-in-sheet.pdf");
        var badges = await PdfTextAsync(door, $"/events/{scenario.EventId}/door/badges.pdf");
        using var refused = await vetter.GetAsync($"/events/{scenario.EventId}/door/badges.pdf");

        // Name cards: one page per person, the name as they wrote it (twice: both halves of the tent), no organisation by default.
        Assert.Equal(3, cards.Count);
        Assert.Contains("ada novak", cards[0]);
        Assert.Contains("Zoë Ångström", cards[1]);
        Assert.Contains("Παναγιώτης Παπαδόπουλος", cards[2]);
        Assert.DoesNotContain(cards, page => page.Contains("Nordic Council"));
        Assert.DoesNotContain(cards, page => page.Contains("Rex"));

        // The check-in sheet: alphabetical (accents and case aside), each with the end of their pass code.
        var text = string.Join("\n", sheet);
        var order = new[] { "ada novak", "Zoë Ångström", "Παναγιώτης Παπαδόπουλος" }.Select(n => text.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0, text));
        Assert.Equal(order.Order(), order);
        foreach (var a in scenario.Attendees)
        {
            Assert.Contains("…" + a.Token[^6..], text);
            Assert.DoesNotContain(a.Token, text);
        }

        Assert.Contains("Nordic Council", text);
        Assert.DoesNotContain("Rex", text);
        // Badges carry the whole code under the QR code.
        Assert.Contains(scenario.Attendees[0].Token, string.Join("\n", badges));
        Assert.Contains("Zoë Ångström", string.Join("\n", badges));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // The organiser shows organisations: the next name cards carry them.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<SaveDoorSettings>().ExecuteAsync(clara, scenario.EventId, true, false)).Succeeded);
        }

        var withOrganisations = await PdfTextAsync(door, $"/events/{scenario.EventId}/door/name-cards.pdf");
        Assert.Contains("Nordic Council", withOrganisations[1]);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "door.print" && a.EventId == scenario.EventId).Select(a => a.Details!).ToListAsync());
        Assert.Equal(4, audited.Count);
        Assert.Contains(audited, d => d.StartsWith("check-in-sheet.pdf: 3 approved", StringComparison.Ordinal));
    }

    private static async Task<List<string>> PdfTextAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return pdf.GetPages().Select(p => p.Text).ToList();
    }
}
