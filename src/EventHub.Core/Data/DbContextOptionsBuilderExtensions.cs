using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Data;

public static class DbContextOptionsBuilderExtensions
{
    public static DbContextOptionsBuilder<TContext> UseEventHubProvider<TContext>(this DbContextOptionsBuilder<TContext> options, DatabaseProvider provider, string connectionString)
        where TContext : DbContext
    {
        ((DbContextOptionsBuilder)options).UseEventHubProvider(provider, connectionString);
        return options;
    }

    /// <summary>
    /// Points EF at the chosen provider and at that provider's own migrations assembly. The server providers retry
    /// transient failures (a dropped connection, a failover, a deadlock victim): PostgreSQL as SQL Server does, so the tests
    /// on PostgreSQL run under the same execution strategy as production. A unit of work with its own transaction runs
    /// through <see cref="UnitOfWorkExtensions.InTransactionAsync{T}"/>.
    /// </summary>
    public static DbContextOptionsBuilder UseEventHubProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var csb = new SqliteConnectionStringBuilder(connectionString);
                var directory = Path.GetDirectoryName(Path.GetFullPath(csb.DataSource));
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }

                options.UseSqlite(connectionString, o => o.MigrationsAssembly("EventHub.Migrations.Sqlite"))
                    .AddInterceptors(SqliteBusyTimeout.Instance);
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString, o => o.MigrationsAssembly("EventHub.Migrations.SqlServer").EnableRetryOnFailure());
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly("EventHub.Migrations.PostgreSql").EnableRetryOnFailure());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }

        return options;
    }
}
