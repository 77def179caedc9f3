using EventHub.Core.Authorization;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.TestSupport;

/// <summary>
/// The real EventHub host on a fresh test database. Email goes to a real SMTP server (<see cref="SmtpSink"/>) or to a pickup
/// folder; with <see cref="UseRealServer"/> the app listens on a loopback port for the browser.
/// </summary>
public sealed class EventHubAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;

    private EventHubAppFactory(TestDatabase database, SmtpSink? smtp, bool realServer, IDictionary<string, string?>? extra, Action<IServiceCollection>? services = null)
    {
        this.services = services;
        Database = database;
        Smtp = smtp;
        Port = realServer ? SmtpSink.FreePort() : 0;
        BaseUrl = realServer ? $"http://127.0.0.1:{Port}" : "http://localhost";
        settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Database:MigrateOnStart"] = "true",
            ["App:PublicBaseUrl"] = BaseUrl,
            ["Demo:SeedOnFirstStart"] = "false",
            ["Jobs:RunServer"] = realServer ? "true" : "false",
            ["Email:Transport"] = smtp is null ? "Pickup" : "Smtp",
            ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "eventhub-tests", "pickup-" + Guid.NewGuid().ToString("N")),
            ["Documents:Directory"] = Path.Combine(Path.GetTempPath(), "eventhub-tests", "documents-" + Guid.NewGuid().ToString("N")),
            ["Smtp:Host"] = smtp?.Host ?? "127.0.0.1",
            ["Smtp:Port"] = (smtp?.Port ?? 25).ToString(),
            ["Smtp:Security"] = "None",
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests that need the two-factor requirement turn it on.
            ["Security:RequireTwoFactorForStaff"] = "false",
        };
        if (extra is not null)
        {
            foreach (var (key, value) in extra)
            {
                settings[key] = value;
            }
        }

        if (realServer)
        {
            UseKestrel(Port);
        }
    }

    public TestDatabase Database { get; }
    public SmtpSink? Smtp { get; }
    public int Port { get; }
    public string BaseUrl { get; }

    /// <param name="services">Replaces services after the app's own registrations (e.g. a fake for a part the test is not about).</param>
    public static EventHubAppFactory Create(TestDatabase database, SmtpSink? smtp = null, bool realServer = false, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
        => new(database, smtp, realServer, settings, services);

    /// <summary>Starts Kestrel on <see cref="BaseUrl"/>.</summary>
    public EventHubAppFactory UseRealServer()
    {
        StartServer();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the build's static web assets (blazor.web.js, scoped CSS) are served only when asked for.
        builder.UseStaticWebAssets();
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.UseSetting("Database:Provider", settings["Database:Provider"]);
        builder.UseSetting("Database:ConnectionString", settings["Database:ConnectionString"]);
        builder.UseSetting("Jobs:RunServer", settings["Jobs:RunServer"]);
        // Read while the builder composes the authentication schemes, before in-memory configuration applies.
        foreach (var (key, value) in settings.Where(s => s.Key.StartsWith("SingleSignOn:", StringComparison.Ordinal)))
        {
            builder.UseSetting(key, value);
        }
        if (services is not null)
        {
            Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, services);
        }
    }

    /// <summary>A confirmed staff account that can log in with <paramref name="password"/>.</summary>
    /// <param name="organisationRoles">Roles in <paramref name="organisationId"/> (e.g. may create events, keeps the directory).</param>
    public async Task<ApplicationUser> CreateUserAsync(string email, string password, Guid? organisationId = null, bool administrator = false, params OrganisationRole[] organisationRoles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], OrganisationId = organisationId };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        if (administrator)
        {
            if (!await roles.RoleExistsAsync(Roles.Administrator))
            {
                await roles.CreateAsync(new IdentityRole(Roles.Administrator));
            }

            await users.AddToRoleAsync(user, Roles.Administrator);
        }

        if (organisationRoles.Length > 0)
        {
            var organisation = organisationId ?? throw new ArgumentException("Organisation roles need the organisation.", nameof(organisationId));
            var db = scope.ServiceProvider.GetRequiredService<EventHubDbContext>();
            db.OrganisationRoleGrants.AddRange(organisationRoles.Select(r => new OrganisationRoleGrant { OrganisationId = organisation, UserId = user.Id, Role = r, GrantedAtUtc = DateTime.UtcNow }));
            await db.SaveChangesAsync();
        }

        return user;
    }

    public async Task<T> WithDbAsync<T>(Func<EventHubDbContext, Task<T>> work)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync();
        return await work(db);
    }
}
