using EventHub.Core;
using EventHub.Web.Hosting;

var (command, hostArgs) = HostCommands.Parse(args);
if (HostCommands.RunsWithoutHost(command))
{
    return HostCommands.RunWithoutHost(command!, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddEventHubCore();
builder.AddEventHubWeb();

var app = builder.Build();
if (command is not null)
{
    return await HostCommands.RunAsync(app, command);
}

await app.PrepareDatabaseAsync();
app.UseEventHubWeb();
app.MapEventHubEndpoints();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
