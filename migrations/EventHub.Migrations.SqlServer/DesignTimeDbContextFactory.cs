using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace EventHub.Migrations.SqlServer;

/// <summary>Used only by the dotnet-ef tool to build the SqlServer model; no connection is opened to add a migration or script one.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EventHubDbContext>
{
    public EventHubDbContext CreateDbContext(string[] args)
    {
        var options = EventHubDbContext.CreateOptions(DatabaseProvider.SqlServer, Environment.GetEnvironmentVariable("EVENTHUB_DESIGN_CONNECTION") ?? "Server=localhost;Database=EventHub;Trusted_Connection=True;TrustServerCertificate=True");
        return new EventHubDbContext(options);
    }
}
