using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EventHub.Core.Data;

/// <summary>
/// Lets SQLite itself wait for a lock (<c>PRAGMA busy_timeout</c>, as long as the connection's Default Timeout) instead of
/// Microsoft.Data.Sqlite's own retry, which sleeps 150 ms between attempts: a write that meets another one holding the lock
/// for 20 ms waited about 155 ms, and about 40 ms with SQLite's handler, which retries after 1, 2, 5, 10 … ms (measured here).
/// Under a burst of writes (twenty door screens scanning at once, the dispatcher marking a batch) those sleeps were most of
/// the wait. When the timeout passes, the command still fails with "database is locked", as before.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        // Default Timeout is in seconds (30 unless the connection string says otherwise); 0 means wait without limit.
        command.CommandText = $"PRAGMA busy_timeout = {(sqlite.DefaultTimeout <= 0 ? int.MaxValue : Math.Min(int.MaxValue / 1000, sqlite.DefaultTimeout) * 1000)};";
        command.ExecuteNonQuery();
    }
}
