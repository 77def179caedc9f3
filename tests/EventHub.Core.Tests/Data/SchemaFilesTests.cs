using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EventHub.Core.Tests.Data;

/// <summary>
/// The schema files kept in the repository follow the model: each provider's migrations (migrations/EventHub.Migrations.*)
/// describe the model as it is now, and deploy/eventhub-sqlserver.sql is the idempotent script of every SQL Server migration.
/// The same checks as <c>dotnet ef migrations has-pending-model-changes</c> and <c>dotnet ef migrations script --idempotent</c>,
/// made on the assemblies the test run already loaded (no database is opened).
/// </summary>
public sealed class SchemaFilesTests
{
    public static TheoryData<DatabaseProvider> AllProviders() => [DatabaseProvider.Sqlite, DatabaseProvider.SqlServer, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(AllProviders))]
    public void Every_provider_has_a_migration_for_every_model_change(DatabaseProvider provider)
    {
        using var db = Context(provider);

        Assert.True(db.Database.GetMigrations().Any(), $"No migrations found for {provider}.");
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration describes: run deploy/add-migration.sh NAME (it adds the migration for all three providers and regenerates deploy/eventhub-sqlserver.sql).");
    }

    [Fact]
    public void The_sql_server_deployment_script_is_the_idempotent_script_of_every_migration()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var path = Path.Combine(RepositoryPaths.Root, "deploy", "eventhub-sqlserver.sql");
        var stored = File.ReadAllText(path); // File.ReadAllText drops the byte-order mark dotnet-ef writes.

        Assert.True(Normalised(stored) == Normalised(expected),
            "deploy/eventhub-sqlserver.sql is out of date: regenerate it with `dotnet ef migrations script --idempotent --project migrations/EventHub.Migrations.SqlServer "
            + "--startup-project migrations/EventHub.Migrations.SqlServer -o deploy/eventhub-sqlserver.sql` (deploy/add-migration.sh does).");
    }

    private static EventHubDbContext Context(DatabaseProvider provider) => new(EventHubDbContext.CreateOptions(provider, provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=unused.db",
        DatabaseProvider.SqlServer => "Server=unused;Database=unused;TrustServerCertificate=True",
        _ => "Host=unused;Database=unused",
    }));

    private static string Normalised(string script) => script.ReplaceLineEndings("\n").Trim();
}
