using System.Security.Claims;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.TestSupport;

/// <summary>An approved attendee with the token of their live pass (what the QR code carries).</summary>
public sealed record DoorAttendee(Guid RegistrationId, string Name, string? OrganisationName, string Token);

/// <summary>
/// An event in Brussels with approved attendees and live passes, written straight to the database (approval emails are
/// not what door tests are about, and 5,000 approvals one by one would take minutes).
/// </summary>
public sealed record DoorScenario(Guid EventId, IReadOnlyList<DoorAttendee> Attendees)
{
    public static async Task<DoorScenario> CreateAsync(IServiceProvider services, ClaimsPrincipal organiser, DateTime startsLocal,
        IEnumerable<(string Name, string? Organisation)> people, string title = "Security Engagement in Central Asia")
    {
        Guid eventId;
        await using (var scope = services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateEvent>().ExecuteAsync(organiser, new EventForm
            {
                Title = title,
                StartsLocal = startsLocal,
                EndsLocal = startsLocal.AddHours(3),
                TimeZoneId = "Europe/Brussels",
                City = "Brussels",
                Venue = "Altiero Spinelli building, room 5G2",
                Capacity = 10_000,
                Status = EventStatus.Open,
            });
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.SelectMany(e => e.Value)));
            }

            eventId = created.Value;
        }

        var passes = services.GetRequiredService<AccessPasses>();
        var attendees = new List<DoorAttendee>();
        var now = DateTime.UtcNow;
        foreach (var batch in people.Chunk(500))
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync();
            foreach (var (name, organisation) in batch)
            {
                var email = $"{Guid.NewGuid():N}@attendee.example";
                var r = new Registration
                {
                    Id = Guid.NewGuid(), EventId = eventId, Source = RegistrationSource.Invitation, Status = RegistrationStatus.Approved,
                    Name = name, Email = email, NormalizedEmail = email.ToUpperInvariant(), OrganisationName = organisation, Position = "Fellow",
                    RuleAcknowledgedAtUtc = now, CreatedAtUtc = now, UpdatedAtUtc = now, ConcurrencyStamp = Guid.NewGuid(),
                };
                db.Registrations.Add(r);
                var (_, token) = await passes.EnsureLiveAsync(db, r, CancellationToken.None);
                attendees.Add(new DoorAttendee(r.Id, name, organisation, token));
            }

            await db.SaveChangesAsync();
        }

        await using (var db = await services.GetRequiredService<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync())
        {
            await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ApprovedCount, attendees.Count));
        }

        return new DoorScenario(eventId, attendees);
    }

    /// <summary>The event's local time now minus an hour: today is the event's door day whatever the hour in Brussels.</summary>
    public static DateTime StartedAnHourAgo(DateTime utcNow)
    {
        var local = EventTime.ToLocal(utcNow, "Europe/Brussels").AddHours(-1);
        return new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0);
    }

    /// <summary>Generated people: "Attendee 0001" of "Institute 1" and so on.</summary>
    public static IEnumerable<(string Name, string? Organisation)> Generated(int count)
        => Enumerable.Range(1, count).Select(i => ($"Attendee {i:D4}", (string?)$"Institute {i % 37}"));
}
