using EventHub.Core.Data;
using EventHub.Core.Features.Demo;
using EventHub.Core.Features.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Demo;

public sealed class SeedDemoTests
{
    [Fact]
    public async Task The_demo_shows_multi_party_vetting_with_registrations_at_every_stage()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = CoreTestHost.Create(database);
        await using (var scope = host.Scope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<SeedDemo>().ExecuteAsync());
        }

        await using var db = await database.Factory.CreateDbContextAsync();
        var talk = await db.Events.SingleAsync();
        Assert.Equal(["Organiser", "Co-organiser", "Host office"], talk.ApproverGroups);
        Assert.Equal(["Host office", "Co-organiser"], talk.ReportReviewerGroups);
        var registrations = await db.Registrations.Include(r => r.Approvals).ToListAsync();
        int ApprovedBy(Registration r) => r.Approvals.Count(a => !a.Superseded && a.Decision == VettingDecision.Approved);

        // Approved by all (and so approved, with the email sent), by two, by one, by none.
        Assert.Equal(3, registrations.Count(r => r.Status == RegistrationStatus.Approved && ApprovedBy(r) == 3));
        Assert.Single(registrations, r => r.Status == RegistrationStatus.Pending && ApprovedBy(r) == 2);
        Assert.Single(registrations, r => r.Status == RegistrationStatus.Pending && ApprovedBy(r) == 1);
        Assert.Single(registrations, r => r.Status == RegistrationStatus.Pending && ApprovedBy(r) == 0);
        Assert.Equal(3, talk.ApprovedCount);
        Assert.Equal(3, await db.OutboundEmails.CountAsync(m => m.CorrelationKey.EndsWith(":approved")));
        var twoOfThree = registrations.Single(r => r.Status == RegistrationStatus.Pending && ApprovedBy(r) == 2);
        Assert.Equal(["Host office"], DecideRegistration.Awaiting(talk.ApproverGroups, twoOfThree.Approvals));
        Assert.Contains(await db.Contacts.Select(c => c.Sector).ToListAsync(), s => s == Sector.InternationalOrganisation);
    }
}
