using EventHub.Core.Data;
using EventHub.Core.Features.Vetting;
using EventHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Vetting;

public sealed class VettingQueueTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_flag_appears_for_the_case_that_causes_it_and_not_otherwise(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        Guid natoId;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var nato = new Organisation { Id = Guid.NewGuid(), Name = "North Atlantic Treaty Organization", Acronym = "NATO", Aliases = ["the Alliance"], EmailDomains = ["nato.int"] };
            db.Organisations.Add(nato);
            await db.SaveChangesAsync();
            natoId = nato.Id;
        }

        // Rejected at an earlier event of the same foundation, and at an event of another organisation.
        var earlier = await VettingScenario.CreateAsync(database, host, "Earlier meeting", s.OrganisationId, "otto@kas.example");
        await earlier.AddRegistrationAsync("Rex Old", "rex@think.example", status: RegistrationStatus.Rejected);
        var elsewhere = await VettingScenario.CreateAsync(database, host, "Someone else's meeting", null, "ed@other.example", "European Neighbourhood Council");
        await elsewhere.AddRegistrationAsync("Clean Person", "clean@think.example", status: RegistrationStatus.Rejected);

        var clean = await s.AddRegistrationAsync("Clean Person", "clean@think.example", "Think Institute");
        var natoOk = await s.AddRegistrationAsync("Nina Ok", "nina@hq.nato.int", organisationId: natoId);
        var natoByAlias = await s.AddRegistrationAsync("Paul Gmail", "paul.nato@gmail.com", "the alliance");
        var twiceA = await s.AddRegistrationAsync("Ada  Nóvak", "ada@think.example", "Think Institute");
        var twiceB = await s.AddRegistrationAsync("ada novak", "ada.novak@private.example", "think institute");
        var sameEmailA = await s.AddRegistrationAsync("Bob Meyer", "bob@eeas.example", "EEAS");
        var sameEmailB = await s.AddRegistrationAsync("Robert Meyer", " BOB@eeas.example ", "EEAS");
        var nominated = await s.AddRegistrationAsync("Nora Nominee", "nora@think.example", "Think Institute", source: RegistrationSource.Nomination);
        var rex = await s.AddRegistrationAsync("Rex Old", "rex@think.example", "Think Institute");

        var queue = await s.InScopeAsync(sp => sp.GetRequiredService<ListVettingQueue>().ExecuteAsync(s.Organiser, s.EventId, new VettingQuery { Take = 100 }));
        var flags = queue.Value!.Rows.ToDictionary(r => r.Id, r => r.Flags);

        Assert.Equal(VettingFlags.None, flags[clean.Id]);
        Assert.Equal(VettingFlags.None, flags[natoOk.Id]);
        Assert.Equal(VettingFlags.EmailDomainMismatch, flags[natoByAlias.Id]);
        Assert.Equal(VettingFlags.Duplicate, flags[twiceA.Id]);
        Assert.Equal(VettingFlags.Duplicate, flags[twiceB.Id]);
        Assert.Equal(VettingFlags.Duplicate, flags[sameEmailA.Id]);
        Assert.Equal(VettingFlags.Duplicate, flags[sameEmailB.Id]);
        Assert.Equal(VettingFlags.Nomination, flags[nominated.Id]);
        Assert.Equal(VettingFlags.RejectedBefore, flags[rex.Id]);

        // The venue needs security data; the event is full.
        await s.UpdateEventAsync(e => (e.RequireSecurityData, e.Capacity, e.ApprovedCount) = (true, 10, 10));
        var withData = await s.AddRegistrationAsync("Sam Secure", "sam@think.example", "Think Institute", securityData: "CfDJ8-protected");
        var approved = await s.AddRegistrationAsync("Amy Approved", "amy@think.example", "Think Institute", status: RegistrationStatus.Approved, securityData: "CfDJ8-protected");
        var full = await s.InScopeAsync(sp => sp.GetRequiredService<ListVettingQueue>().ExecuteAsync(s.Organiser, s.EventId, new VettingQuery { Take = 100 }));
        var fullFlags = full.Value!.Rows.ToDictionary(r => r.Id, r => r.Flags);
        Assert.Equal(VettingFlags.CapacityReached, fullFlags[withData.Id]);
        Assert.Equal(VettingFlags.None, fullFlags[approved.Id]);
        Assert.Equal(VettingFlags.SecurityDataMissing | VettingFlags.CapacityReached, fullFlags[clean.Id]);

        // Filters: by flag, and by source.
        var onlyDuplicates = await s.InScopeAsync(sp => sp.GetRequiredService<ListVettingQueue>().ExecuteAsync(s.Organiser, s.EventId, new VettingQuery { Flag = VettingFlags.Duplicate, SortBy = VettingSort.Name }));
        Assert.Equal(4, onlyDuplicates.Value!.Total);
        var nominations = await s.InScopeAsync(sp => sp.GetRequiredService<ListVettingQueue>().ExecuteAsync(s.Organiser, s.EventId, new VettingQuery { Source = RegistrationSource.Nomination }));
        Assert.Equal("Nora Nominee", Assert.Single(nominations.Value!.Rows).Name);
    }
}
