using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace EventHub.Migrations.Sqlite;

/// <summary>Used only by the dotnet-ef tool to build the Sqlite model; no connection is opened to add a migration or script one.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EventHubDbContext>
{
    public EventHubDbContext CreateDbContext(string[] args)
    {
        var options = EventHubDbContext.CreateOptions(DatabaseProvider.Sqlite, Environment.GetEnvironmentVariable("EVENTHUB_DESIGN_CONNECTION") ?? "Data Source=design-time.db");
        return new EventHubDbContext(options);
    }
}
