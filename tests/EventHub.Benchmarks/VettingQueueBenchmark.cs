using System.Data.Common;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.Core.Features.Vetting;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Benchmarks;

/// <summary>
/// A vetter opens the first page of the queue of an event with 2,000 registrations (SQLite file), flags included. The
/// number of database commands the queue issues is counted with a DbCommandInterceptor and printed once at setup: it must
/// not grow with the number of rows (no query per row). The two authorization look-ups go through the host's own context
/// factory and are not in that count.
/// </summary>
[MemoryDiagnoser]
public class VettingQueueBenchmark
{
    private const int Registrations = 2_000;
    private TestDatabase database = null!;
    private CoreTestHost host = null!;
    private ClaimsPrincipal organiser = null!;
    private Guid eventId;
    private ListVettingQueue queue = null!;
    private readonly CommandCounter counter = new();

    [GlobalSetup]
    public async Task SetupAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        host = CoreTestHost.Create(database);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
            organiser = (await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id)).Principal;
            db.Organisations.Add(new Organisation { Id = Guid.NewGuid(), Name = "North Atlantic Treaty Organization", Acronym = "NATO", EmailDomains = ["nato.int"] });
            await db.SaveChangesAsync();
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
                Capacity = 1_500,
                Status = EventStatus.Open,
            })).Value;
        }

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            BenchmarkData.AddRegistrations(db, eventId, Registrations, host.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        var options = new DbContextOptionsBuilder<EventHubDbContext>(EventHubDbContext.CreateOptions(database.Provider, database.ConnectionString))
            .AddInterceptors(counter).Options;
        queue = new ListVettingQueue(new CountingFactory(options), host.Scoped.GetRequiredService<IAuthorizationService>());

        var page = await FirstPageAsync();
        Console.WriteLine($"// VettingQueue: first page of {page} rows for {Registrations} registrations issued {counter.Count} database commands (plus 2 authorization look-ups).");
    }

    [Benchmark]
    public async Task<int> FirstPageOf2000Registrations() => await FirstPageAsync();

    private async Task<int> FirstPageAsync()
    {
        counter.Reset();
        var outcome = await queue.ExecuteAsync(organiser, eventId, new VettingQuery { Take = 25 });
        return outcome.Value!.Rows.Count;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    private sealed class CountingFactory(DbContextOptions<EventHubDbContext> options) : IDbContextFactory<EventHubDbContext>
    {
        public EventHubDbContext CreateDbContext() => new(options);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Reset() => Interlocked.Exchange(ref count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
