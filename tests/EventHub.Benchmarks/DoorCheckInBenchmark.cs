using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Door;
using EventHub.Core.Features.Events;
using EventHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Benchmarks;

/// <summary>
/// The door at opening time: an event with 5,000 approved registrations and their passes, and 20 door screens scanning at
/// the same moment. Each operation is one burst of 20 concurrent <see cref="CheckInPass"/> calls (each in its own DI scope,
/// as each Blazor circuit has its own), 18 with fresh passes (lookup + insert) and 2 with a pass already used (lookup +
/// "already in"). Every scan's own server-side time (authorization, lookup, insert) is recorded and p50/p99 printed at the
/// end ("// Door ... p50 ... p99"). SQLite always; PostgreSQL too when EVENTHUB_TEST_POSTGRES is set.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 50)]
public class DoorCheckInBenchmark
{
    private const int Registrations = 5_000;
    private const int Doors = 20;
    private TestDatabase database = null!;
    private CoreTestHost host = null!;
    private ClaimsPrincipal door = null!;
    private Guid eventId;
    private readonly List<string> tokens = [];
    private int next;
    private readonly ConcurrentBag<double> latencies = [];
    private readonly ConcurrentDictionary<DoorVerdict, int> verdicts = new();

    public static IEnumerable<DatabaseProvider> Providers()
    {
        yield return DatabaseProvider.Sqlite;
        if (TestDatabase.PostgresServer is not null)
        {
            yield return DatabaseProvider.PostgreSql;
        }
    }

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        database = await TestDatabase.CreateAsync(Provider);
        host = CoreTestHost.Create(database);
        ClaimsPrincipal organiser;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
            organiser = (await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id)).Principal;
        }

        await using (var scope = host.Scope())
        {
            eventId = (await scope.ServiceProvider.GetRequiredService<CreateEvent>().ExecuteAsync(organiser, new EventForm
            {
                Title = "Security Engagement in Central Asia",
                StartsLocal = new DateTime(2026, 12, 9, 10, 0, 0),
                EndsLocal = new DateTime(2026, 12, 9, 13, 0, 0),
                TimeZoneId = "Europe/Brussels",
                City = "Brussels",
                Venue = "Room ASP 5G2",
                Capacity = Registrations,
                Status = EventStatus.Open,
            })).Value;
        }

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var (user, principal) = await TestUsers.CreateStaffAsync(db, "marc@kas.example", null);
            door = principal;
            db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = eventId, UserId = user.Id, Role = EventRole.DoorStaff, AddedAtUtc = DateTime.UtcNow });
            var now = host.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < Registrations; i++)
            {
                var email = $"expert{i}@nato.int";
                var r = new Registration
                {
                    Id = Guid.NewGuid(), EventId = eventId, Source = RegistrationSource.Invitation, Status = RegistrationStatus.Approved,
                    Name = $"Expert {i}", Email = email, NormalizedEmail = email, OrganisationName = "NATO",
                    CreatedAtUtc = now, UpdatedAtUtc = now, ApprovedAtUtc = now, ConcurrencyStamp = Guid.NewGuid(),
                };
                var (token, hash) = PersonalToken.Create();
                tokens.Add(token);
                db.Registrations.Add(r);
                // The protected copy of the token is only read by the attendee's page, not at the door.
                db.AccessPasses.Add(new AccessPass { Id = Guid.NewGuid(), EventId = eventId, RegistrationId = r.Id, TokenHash = hash, ProtectedToken = "-", IssuedAtUtc = now });
            }

            await db.SaveChangesAsync();
        }

        // A door opening at a running server: the connection pool already holds its connections and the queries are compiled.
        // Without this the first burst opens 20 physical connections at once (on PostgreSQL a server process each), and those
        // few scans alone made the p99 (about 600 ms against 70 ms for a whole burst afterwards). Unknown passes write nothing.
        await Task.WhenAll(Enumerable.Range(0, Doors).Select(_ => Task.Run(async () =>
        {
            await using var scope = host.Scope();
            await scope.ServiceProvider.GetRequiredService<CheckInPass>().ExecuteAsync(door, eventId, PersonalToken.Create().Token, "warm-up");
        })));
    }

    [Benchmark(Description = "20 concurrent door scans, 5,000 registrations")]
    public async Task TwentyConcurrentScans()
    {
        var burst = new List<string>(Doors);
        for (var i = 0; i < Doors - 2; i++)
        {
            burst.Add(tokens[next++ % tokens.Count]);
        }

        // Two passes that were already used: the "already in" path.
        burst.Add(tokens[0]);
        burst.Add(tokens[1]);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scans = burst.Select((token, n) => Task.Run(async () =>
        {
            await start.Task;
            await using var scope = host.Scope();
            var checkIn = scope.ServiceProvider.GetRequiredService<CheckInPass>();
            var watch = Stopwatch.StartNew();
            var outcome = await checkIn.ExecuteAsync(door, eventId, token, $"Door {n}");
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            verdicts.AddOrUpdate(outcome.Value!.Verdict, 1, (_, c) => c + 1);
        })).ToList();
        start.SetResult();
        await Task.WhenAll(scans);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine($"// Door {Provider}: {sorted.Length} scans in bursts of {Doors} over {Registrations} registrations: p50 {P(0.50):F1} ms, p99 {P(0.99):F1} ms, max {sorted.LastOrDefault():F1} ms; "
                          + string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Key} {v.Value}")));
        await host.DisposeAsync();
        await database.DisposeAsync();
    }
}
