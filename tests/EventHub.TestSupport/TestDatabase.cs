using EventHub.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace EventHub.TestSupport;

/// <summary>
/// A fresh, migrated database for one test class: a SQLite file in a temp folder, or a new database on the throwaway
/// PostgreSQL cluster that test.sh starts (EVENTHUB_TEST_POSTGRES holds its connection string).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "EVENTHUB_TEST_POSTGRES";

    private readonly string? sqliteDirectory;
    private readonly string? postgresDatabase;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteDirectory, string? postgresDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteDirectory = sqliteDirectory;
        this.postgresDatabase = postgresDatabase;
        Factory = new TestDbContextFactory(provider, connectionString);
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public IDbContextFactory<EventHubDbContext> Factory { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>The providers data tests run on here: SQLite always, PostgreSQL when a server is configured.</summary>
    public static IEnumerable<object[]> Providers()
    {
        yield return [DatabaseProvider.Sqlite];
        if (PostgresServer is not null)
        {
            yield return [DatabaseProvider.PostgreSql];
        }
    }

    /// <param name="migration">Stop after this migration (by name) instead of applying all: for tests of a migration's data step.</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string? migration = null)
    {
        TestDatabase db;
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var directory = Path.Combine(Path.GetTempPath(), "eventhub-tests", Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(directory);
                db = new TestDatabase(provider, $"Data Source={Path.Combine(directory, "eventhub.db")};Default Timeout=30", directory, null);
                break;
            case DatabaseProvider.PostgreSql:
                var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run ./test.sh, which starts a PostgreSQL cluster.");
                var name = "eh_" + Guid.NewGuid().ToString("N");
                await using (var connection = new NpgsqlConnection(server))
                {
                    await connection.OpenAsync();
                    await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                    await command.ExecuteNonQueryAsync();
                }

                db = new TestDatabase(provider, new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString, null, name);
                break;
            default:
                throw new NotSupportedException($"No test database for {provider}.");
        }

        await using (var context = await db.Factory.CreateDbContextAsync())
        {
            await context.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migration);
            if (provider == DatabaseProvider.Sqlite)
            {
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
        }

        return db;
    }

    /// <summary>Applies the migrations not applied yet.</summary>
    public async Task MigrateAsync()
    {
        await using var context = await Factory.CreateDbContextAsync();
        await context.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing test host; the temp folder is cleaned by the OS.
            }
        }

        if (postgresDatabase is not null && PostgresServer is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private sealed class TestDbContextFactory(DatabaseProvider provider, string connectionString) : IDbContextFactory<EventHubDbContext>
    {
        private readonly DbContextOptions<EventHubDbContext> options = EventHubDbContext.CreateOptions(provider, connectionString);

        public EventHubDbContext CreateDbContext() => new(options);
    }
}
