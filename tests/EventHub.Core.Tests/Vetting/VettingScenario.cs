using System.Security.Claims;
using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Vetting;

/// <summary>An open event of the foundation with its organiser: what vetting tests start from. Registrations are inserted directly.</summary>
internal sealed class VettingScenario
{
    public required CoreTestHost Host { get; init; }
    public required TestDatabase Database { get; init; }
    public required ClaimsPrincipal Organiser { get; init; }
    public required Guid EventId { get; init; }
    public required Guid OrganisationId { get; init; }

    public static async Task<VettingScenario> CreateAsync(TestDatabase database, CoreTestHost host, string title = "Security Engagement in Central Asia", Guid? organisationId = null, string organiserEmail = "clara@kas.example", string organisationName = "Konrad-Adenauer-Stiftung")
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var orgId = organisationId ?? (await TestUsers.CreateOrganisationAsync(db, organisationName, null)).Id;
        var (_, organiser) = await TestUsers.CreateOrganiserAsync(db, organiserEmail, orgId);
        await using var scope = host.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateEvent>().ExecuteAsync(organiser, new EventForm
        {
            Title = title,
            StartsLocal = new DateTime(2026, 12, 9, 10, 0, 0),
            EndsLocal = new DateTime(2026, 12, 9, 13, 0, 0),
            TimeZoneId = "Europe/Brussels",
            City = "Brussels",
            Venue = "Room ASP 5G2",
            Capacity = 35,
            Status = EventStatus.Open,
        });
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.SelectMany(e => e.Value)));
        return new VettingScenario { Host = host, Database = database, Organiser = organiser, EventId = created.Value, OrganisationId = orgId };
    }

    public async Task<ClaimsPrincipal> AddTeamMemberAsync(string email, EventRole role, string? group = null, Guid? eventId = null)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        var (user, principal) = await TestUsers.CreateStaffAsync(db, email, null);
        db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = eventId ?? EventId, UserId = user.Id, Role = role, ApproverGroup = group, AddedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return principal;
    }

    public async Task UpdateEventAsync(Action<Event> change)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        var e = await db.Events.SingleAsync(x => x.Id == EventId);
        change(e);
        await db.SaveChangesAsync();
    }

    public async Task<Registration> AddRegistrationAsync(
        string name, string email, string? organisationName = null, Guid? organisationId = null,
        RegistrationSource source = RegistrationSource.Invitation, RegistrationStatus status = RegistrationStatus.Pending,
        Guid? eventId = null, string? securityData = null, int minutesAgo = 60)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        var r = new Registration
        {
            Id = Guid.NewGuid(),
            EventId = eventId ?? EventId,
            Source = source,
            Status = status,
            Name = name,
            Email = email,
            NormalizedEmail = Contact.Normalize(email),
            OrganisationId = organisationId,
            OrganisationName = organisationName,
            Position = "Fellow",
            Sector = Sector.ThinkTank,
            ProtectedSecurityData = securityData,
            RuleAcknowledgedAtUtc = Host.Clock.GetUtcNow().UtcDateTime,
            CreatedAtUtc = Host.Clock.GetUtcNow().UtcDateTime.AddMinutes(-minutesAgo),
            UpdatedAtUtc = Host.Clock.GetUtcNow().UtcDateTime,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        db.Registrations.Add(r);
        await db.SaveChangesAsync();
        return r;
    }

    public async Task<Registration> RegistrationAsync(Guid id)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        return await db.Registrations.AsNoTracking().Include(r => r.Approvals).SingleAsync(r => r.Id == id);
    }

    public async Task<Event> EventAsync()
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        return await db.Events.AsNoTracking().SingleAsync(r => r.Id == EventId);
    }

    public async Task<List<OutboundEmail>> EmailsWithKeyAsync(string key)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        return await db.OutboundEmails.AsNoTracking().Include(m => m.Attachments).Where(m => m.CorrelationKey == key).ToListAsync();
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Scope();
        return await work(scope.ServiceProvider);
    }
}
