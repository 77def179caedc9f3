using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Data;

/// <summary>
/// On SQLite the app's connections let SQLite wait for a lock itself, for as long as the connection's Default Timeout
/// (see SqliteBusyTimeout): a write that meets another one waits for it and then succeeds; one held longer fails as a whole.
/// </summary>
public sealed class SqliteLockWaitTests
{
    [Fact]
    public async Task Every_connection_the_app_opens_waits_for_locks_as_long_as_its_default_timeout()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.Factory.CreateDbContextAsync();

        var waits = await db.Database.SqlQueryRaw<long>("PRAGMA busy_timeout").ToListAsync();

        Assert.Equal([30_000L], waits); // "Default Timeout=30" in the test database's connection string
    }

    [Fact]
    public async Task A_write_that_meets_a_held_lock_waits_for_it_and_is_saved()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var holder = new SqliteConnection(database.ConnectionString);
        await holder.OpenAsync();
        var transaction = holder.BeginTransaction(deferred: false); // the write lock, held
        var release = Task.Run(async () =>
        {
            await Task.Delay(300);
            await transaction.RollbackAsync();
        });

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.Organisations.Add(new Organisation { Id = Guid.NewGuid(), Name = "Konrad-Adenauer-Stiftung", CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await release;
        await using var check = await database.Factory.CreateDbContextAsync();
        Assert.Equal(["Konrad-Adenauer-Stiftung"], await check.Organisations.Select(o => o.Name).ToListAsync());
    }
}
