using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace EventHub.Migrations.PostgreSql;

/// <summary>Used only by the dotnet-ef tool to build the PostgreSql model; no connection is opened to add a migration or script one.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EventHubDbContext>
{
    public EventHubDbContext CreateDbContext(string[] args)
    {
        var options = EventHubDbContext.CreateOptions(DatabaseProvider.PostgreSql, Environment.GetEnvironmentVariable("EVENTHUB_DESIGN_CONNECTION") ?? "Host=localhost;Database=eventhub;Username=postgres");
        return new EventHubDbContext(options);
    }
}
