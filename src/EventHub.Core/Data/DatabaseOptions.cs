using System.ComponentModel.DataAnnotations;

namespace EventHub.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Sqlite (embedded default), SqlServer (production) or PostgreSql (tests, scale-out).</summary>
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string; for SQLite it defaults to a file under App_Data/.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Whether a server database (SQL Server, PostgreSQL) is migrated at start. SQLite always is.</summary>
    public bool MigrateOnStart { get; init; }

    public string ResolveConnectionString(string contentRoot) => Provider switch
    {
        DatabaseProvider.Sqlite => string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(contentRoot, "App_Data", "eventhub.db")}"
            : ConnectionString,
        _ => string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new ValidationException($"Database:ConnectionString is required when Database:Provider is {Provider}.")
            : ConnectionString,
    };
}
