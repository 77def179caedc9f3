using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Data;

/// <summary>Applies migrations: always for SQLite (and switches it to WAL), for server databases only when asked.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<EventHubDbContext> dbFactory, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger)
{
    public bool ShouldMigrateOnStart => options.Value.Provider == DatabaseProvider.Sqlite || options.Value.MigrateOnStart;

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (options.Value.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, options.Value.Provider, string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(ct);
    }
}
