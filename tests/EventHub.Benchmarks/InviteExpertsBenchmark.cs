using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.Core.Features.Invitations;
using EventHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Benchmarks;

/// <summary>
/// An organiser invites 5,000 experts to one event with the real InviteExperts use case on a SQLite file: every invitation is
/// rendered from its Razor template and written with its personal link and its outbox row, in one transaction.
/// Each iteration invites to a fresh event (created in the iteration setup, not measured), so nobody is "already invited".
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class InviteExpertsBenchmark
{
    private const int Contacts = 5_000;
    private TestDatabase database = null!;
    private CoreTestHost host = null!;
    private ClaimsPrincipal organiser = null!;
    private List<Guid> contactIds = [];
    private Guid eventId;
    private int eventNumber;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        organiser = (await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id)).Principal;
        for (var i = 0; i < Contacts; i++)
        {
            var email = $"expert{i}@example.eu";
            db.Contacts.Add(new Contact
            {
                Id = Guid.NewGuid(), DirectoryOrganisationId = kas.Id, Name = $"Zoë Müller {i}", Email = email, NormalizedEmail = Contact.Normalize(email),
                Sector = Sector.ThinkTank, OrganisationName = "Real Instituto Elcano",
            });
        }

        await db.SaveChangesAsync();
        contactIds = db.Contacts.Local.Select(c => c.Id).ToList();
    }

    [IterationSetup]
    public void CreateAFreshEvent() => eventId = CreateEventAsync().GetAwaiter().GetResult();

    private async Task<Guid> CreateEventAsync()
    {
        await using var scope = host.Scope();
        var startsLocal = new DateTime(2026, 12, 3, 14, 0, 0);
        var created = await scope.ServiceProvider.GetRequiredService<CreateEvent>().ExecuteAsync(organiser, new EventForm
        {
            Title = $"Security Engagement in Central Asia {++eventNumber}",
            StartsLocal = startsLocal,
            EndsLocal = startsLocal.AddHours(3),
            TimeZoneId = "Europe/Brussels",
            City = "Brussels",
            Venue = "Room ASP 5G2",
            Capacity = 35,
            Status = EventStatus.Open,
        });
        return created.Succeeded ? created.Value : throw new InvalidOperationException(string.Join("; ", created.Errors.SelectMany(e => e.Value)));
    }

    [Benchmark]
    public async Task<int> Invite5000Contacts()
    {
        await using var scope = host.Scope();
        var invite = scope.ServiceProvider.GetRequiredService<InviteExperts>();
        var result = await invite.ExecuteAsync(organiser, eventId, new InviteForm { ContactIds = [.. contactIds] });
        return result.Succeeded && result.Value!.Invited == Contacts
            ? result.Value.Invited
            : throw new InvalidOperationException($"Expected {Contacts} invited: {result.Status} {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }
}
