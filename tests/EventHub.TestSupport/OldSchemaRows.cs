using System.Data.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.TestSupport;

/// <summary>
/// Writes rows into a database migrated only part of the way, as the application of that time would have: the columns a
/// test names get its values, every other required column without a default gets a plain value of its type. The current
/// model cannot do this (it writes columns that later migrations added), so tests of a migration's data step use this.
/// </summary>
public static class OldSchemaRows
{
    public static async Task InsertAsync(TestDatabase database, string table, IReadOnlyDictionary<string, object?> values)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var row = new Dictionary<string, object?>(values, StringComparer.Ordinal);
        foreach (var (name, type) in await RequiredColumnsWithoutDefaultAsync(connection, database.Provider, table))
        {
            row.TryAdd(name, PlainValue(type));
        }

        await using var command = connection.CreateCommand();
        var columns = row.Keys.ToList();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        for (var i = 0; i < columns.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = ToProvider(row[columns[i]], database.Provider) ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Values as EF Core stores them here: enums by name; on SQLite a Guid is upper-case text and an instant "yyyy-MM-dd HH:mm:ss".</summary>
    private static object? ToProvider(object? value, DatabaseProvider provider) => (value, provider) switch
    {
        (Guid g, DatabaseProvider.Sqlite) => g.ToString().ToUpperInvariant(),
        (DateTime d, DatabaseProvider.Sqlite) => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('.'),
        (DateTime d, _) => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        (Enum e, _) => e.ToString(),
        _ => value,
    };

    private static object PlainValue(string type) => type.ToLowerInvariant() switch
    {
        "array" => Array.Empty<string>(),
        "boolean" => false,
        var t when t.Contains("int") || t.Contains("bool") || t.Contains("numeric") || t.Contains("real") || t.Contains("double") => 0,
        var t when t.Contains("uuid") => Guid.NewGuid(),
        var t when t.Contains("timestamp") => DateTime.UtcNow,
        _ => "",
    };

    private static async Task<List<(string Name, string Type)>> RequiredColumnsWithoutDefaultAsync(DbConnection connection, DatabaseProvider provider, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Sqlite
            ? $"SELECT name, type FROM pragma_table_info('{table}') WHERE \"notnull\" = 1 AND dflt_value IS NULL"
            : $"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table}' AND is_nullable = 'NO' AND column_default IS NULL";
        var columns = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }
}
