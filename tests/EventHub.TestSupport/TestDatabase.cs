using EventHub.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace EventHub.TestSupport;

/// <summary>
/// A fresh, migrated database for one test class: a SQLite file in a temp folder, or a new database on the throwaway
/// PostgreSQL cluster that test.sh starts (EVENTHUB_TEST_POSTGRES holds its connection string).
/// Each provider is migrated once per test process, into a template; every test gets a copy of it (a file copy for SQLite,
/// <c>CREATE DATABASE … TEMPLATE</c> for PostgreSQL), which is the same schema as migrating it again, in a fraction of the time.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "EVENTHUB_TEST_POSTGRES";

    private static readonly Dictionary<DatabaseProvider, Task<string>> Templates = [];
    private static readonly Lock TemplatesLock = new();

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

    private static string TestsDirectory => Path.Combine(Path.GetTempPath(), "eventhub-tests");

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
        if (migration is not null)
        {
            return await CreatePartlyMigratedAsync(provider, migration);
        }

        var template = await TemplateAsync(provider);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var directory = Path.Combine(TestsDirectory, Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(directory);
                var file = Path.Combine(directory, "eventhub.db");
                File.Copy(template, file);
                return new TestDatabase(provider, SqliteConnectionString(file), directory, null);

            case DatabaseProvider.PostgreSql:
                var server = PostgresServer!;
                var name = "eh_" + Guid.NewGuid().ToString("N");
                await using (var connection = new NpgsqlConnection(server))
                {
                    await connection.OpenAsync();
                    await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
                    await command.ExecuteNonQueryAsync();
                }

                return new TestDatabase(provider, new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString, null, name);

            default:
                throw new NotSupportedException($"No test database for {provider}.");
        }
    }

    private static string SqliteConnectionString(string file) => $"Data Source={file};Default Timeout=30";

    /// <summary>A database migrated only up to <paramref name="migration"/> (not a copy of the template): for tests of a later migration's data step.</summary>
    private static async Task<TestDatabase> CreatePartlyMigratedAsync(DatabaseProvider provider, string migration)
    {
        TestDatabase db;
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var directory = Path.Combine(TestsDirectory, Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(directory);
                db = new TestDatabase(provider, SqliteConnectionString(Path.Combine(directory, "eventhub.db")), directory, null);
                break;
            case DatabaseProvider.PostgreSql:
                var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run ./test.sh, which starts a PostgreSQL cluster.");
                var name = "eh_" + Guid.NewGuid().ToString("N");
                await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{name}\"");
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

    /// <summary>The migrated template of this provider: the SQLite file's path, or the PostgreSQL database's name. Made once per process.</summary>
    private static Task<string> TemplateAsync(DatabaseProvider provider)
    {
        lock (TemplatesLock)
        {
            if (!Templates.TryGetValue(provider, out var template) || template.IsFaulted || template.IsCanceled)
            {
                template = provider switch
                {
                    DatabaseProvider.Sqlite => Task.Run(CreateSqliteTemplateAsync),
                    DatabaseProvider.PostgreSql => Task.Run(CreatePostgresTemplateAsync),
                    _ => throw new NotSupportedException($"No test database for {provider}."),
                };
                Templates[provider] = template;
            }

            return template;
        }
    }

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        var directory = Path.Combine(TestsDirectory, "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDeleteDirectory(directory);
        var file = Path.Combine(directory, "eventhub.db");
        // No pooling: when the context is disposed the file is closed, its write-ahead log checkpointed into it and removed,
        // so the one file is the whole database (in WAL mode, which the header keeps) and can be copied.
        var connectionString = new SqliteConnectionStringBuilder(SqliteConnectionString(file)) { Pooling = false }.ConnectionString;
        await using (var context = new TestDbContextFactory(DatabaseProvider.Sqlite, connectionString).CreateDbContext())
        {
            await context.Database.MigrateAsync();
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        if (File.Exists(file + "-wal"))
        {
            throw new InvalidOperationException($"The SQLite template {file} still has a write-ahead log: it cannot be copied whole.");
        }

        return file;
    }

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run ./test.sh, which starts a PostgreSQL cluster.");
        var name = "eh_template_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{name}\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropPostgresDatabase(server, name);
        // No pooling: CREATE DATABASE … TEMPLATE refuses a template that has an open connection, so none may stay behind.
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        await using (var context = new TestDbContextFactory(DatabaseProvider.PostgreSql, connectionString).CreateDbContext())
        {
            await context.Database.MigrateAsync();
        }

        return name;
    }

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void DropPostgresDatabase(string server, string name)
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The cluster is already gone (test.sh stops it); nothing is left to drop.
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing test host; the temp folder is cleaned by the OS.
        }
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
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
            TryDeleteDirectory(sqliteDirectory);
        }

        if (postgresDatabase is not null && PostgresServer is { } server)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            await ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)");
        }
    }

    private sealed class TestDbContextFactory(DatabaseProvider provider, string connectionString) : IDbContextFactory<EventHubDbContext>
    {
        private readonly DbContextOptions<EventHubDbContext> options = EventHubDbContext.CreateOptions(provider, connectionString);

        public EventHubDbContext CreateDbContext() => new(options);
    }
}
