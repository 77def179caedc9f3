using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Access;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Access;

public sealed class AttendeeMaterialsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_approved_attendee_sees_the_entrance_the_agenda_and_only_the_consenting_approved_attendees(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example", "Think", status: RegistrationStatus.Approved);
        var listed = await s.AddRegistrationAsync("Lena Listed", "lena@nato.example", "NATO", status: RegistrationStatus.Approved);
        await s.AddRegistrationAsync("Pia Pending", "pia@think.example", "Think", status: RegistrationStatus.Pending);
        await s.AddRegistrationAsync("Rolf Rejected", "rolf@think.example", "Think", status: RegistrationStatus.Rejected);
        var pending = await s.AddRegistrationAsync("Paul Pending", "paul@think.example", "Think", status: RegistrationStatus.Pending);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            foreach (var r in db.Registrations.Where(r => r.EventId == s.EventId && r.Name != "Ada Novak"))
            {
                r.ListMeConsent = true;
            }

            db.AgendaItems.Add(new AgendaItem { Id = Guid.NewGuid(), EventId = s.EventId, Title = "Discussion", StartsAtUtc = new DateTime(2026, 12, 9, 9, 45, 0, DateTimeKind.Utc), Confidentiality = ConfidentialityLevel.ChathamHouse });
            await db.SaveChangesAsync();
        }

        await host.Scoped.GetRequiredService<SaveAccessSettings>().ExecuteAsync(s.Organiser, s.EventId, new AccessSettingsForm { Fields = [AccessListField.Name], EntranceInstructions = "  Entrance on Rue Wiertz; bring your passport.  " });
        var open = host.Scoped.GetRequiredService<OpenAttendeeMaterials>();

        var seenByAda = await open.ExecuteAsync(await AccessScenario.LinkAsync(s, ada.Id));
        var seenByPending = await open.ExecuteAsync(await AccessScenario.LinkAsync(s, pending.Id));
        var forged = await open.ExecuteAsync(PersonalToken.Create().Token);

        Assert.NotNull(seenByAda);
        Assert.Equal("Room ASP 5G2", seenByAda.Venue);
        Assert.Equal("Entrance on Rue Wiertz; bring your passport.", seenByAda.EntranceInstructions);
        Assert.Equal([("Lena Listed", "NATO")], seenByAda.Participants.Select(p => (p.Name, p.Organisation)));
        Assert.False(seenByAda.YouAreListed);
        Assert.Equal([("Discussion", ConfidentialityLevel.ChathamHouse)], seenByAda.Agenda.Select(a => (a.Title, a.Confidentiality)));
        Assert.Null(seenByPending);
        Assert.Null(forged);
        Assert.NotEqual(Guid.Empty, listed.Id);
    }
}
