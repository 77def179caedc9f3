using System.Security.Claims;
using System.Text.RegularExpressions;
using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Invitations;

/// <summary>An open event of the foundation, an organiser, and a directory of experts: what invitation tests start from.</summary>
internal sealed class InvitationScenario
{
    public required CoreTestHost Host { get; init; }
    public required TestDatabase Database { get; init; }
    public required ClaimsPrincipal Organiser { get; init; }
    public required Guid EventId { get; init; }
    public required Guid OrganisationId { get; init; }

    public static async Task<InvitationScenario> CreateAsync(TestDatabase database, CoreTestHost host, DateTime startsLocal, string timeZone = "Europe/Brussels")
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var (_, organiser) = await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id);
        await using var scope = host.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateEvent>().ExecuteAsync(organiser, new EventForm
        {
            Title = "Security Engagement in Central Asia",
            StartsLocal = startsLocal,
            EndsLocal = startsLocal.AddHours(3),
            TimeZoneId = timeZone,
            City = "Brussels",
            Venue = "Room ASP 5G2",
            Capacity = 35,
            Status = EventStatus.Open,
        });
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.SelectMany(e => e.Value)));
        return new InvitationScenario { Host = host, Database = database, Organiser = organiser, EventId = created.Value, OrganisationId = kas.Id };
    }

    public async Task<Contact> AddContactAsync(string name, string email, bool doNotContact = false)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        var contact = new Contact
        {
            Id = Guid.NewGuid(), DirectoryOrganisationId = OrganisationId, Name = name, Email = email, NormalizedEmail = Contact.Normalize(email),
            Sector = Sector.ThinkTank, DoNotContact = doNotContact, OrganisationName = "Some Institute",
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Scope();
        return await work(scope.ServiceProvider);
    }

    public async Task<List<OutboundEmail>> EmailsAsync()
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        return await db.OutboundEmails.AsNoTracking().OrderBy(e => e.CreatedAtUtc).ThenBy(e => e.CorrelationKey).ToListAsync();
    }

    /// <summary>The personal token in an invitation email's text part.</summary>
    public static string TokenIn(OutboundEmail email)
    {
        var match = Regex.Match(email.TextBody, @"/i/([A-Za-z0-9_-]{43})");
        Assert.True(match.Success, "the email carries a personal link:\n" + email.TextBody);
        return match.Groups[1].Value;
    }

    public static string UnsubscribeTokenIn(OutboundEmail email)
    {
        var match = Regex.Match(email.TextBody, @"/unsubscribe/([A-Za-z0-9_-]+)");
        Assert.True(match.Success, "the email carries a link to stop receiving invitations:\n" + email.TextBody);
        return match.Groups[1].Value;
    }
}
