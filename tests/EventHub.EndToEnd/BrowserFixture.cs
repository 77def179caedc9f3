using System.Text.RegularExpressions;
using EventHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

/// <summary>One headless Debian Chromium for the whole run, driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        // The suite keeps both cores busy: an expectation that a person would see within a second may take several here.
        Assertions.SetDefaultExpectTimeout(20_000);
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath.Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
    }
}

/// <summary>Browser tests share one Chromium and run one at a time: Hangfire keeps process-wide state.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// The demo installation on a loopback port, with its own database and SMTP server, shared by the tests of one class that
/// only look at it (as a class fixture): started and seeded once instead of once per test.
/// </summary>
public sealed class DemoAppFixture : IAsyncLifetime
{
    public SmtpSink Smtp { get; } = new();
    public TestDatabase Database { get; private set; } = null!;
    public EventHubAppFactory App { get; private set; } = null!;
    public IReadOnlyList<Core.Features.Demo.DemoLogin> Logins { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Core.Data.DatabaseProvider.Sqlite);
        App = EventHubAppFactory.Create(Database, Smtp, realServer: true).UseRealServer();
        await using var scope = App.Services.CreateAsyncScope();
        Logins = (await scope.ServiceProvider.GetRequiredService<Core.Features.Demo.SeedDemo>().ExecuteAsync())!;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// A running EventHub on a loopback port with its own database and SMTP server (or the class's shared
/// <see cref="DemoAppFixture"/>), and a fresh browser context.
/// </summary>
public abstract class BrowserTest(BrowserFixture browser, DemoAppFixture? shared = null) : IAsyncLifetime
{
    protected const string Password = "correct horse battery staple";
    protected static readonly TimeSpan MailWait = TimeSpan.FromSeconds(30);

    protected TestDatabase Database { get; private set; } = null!;
    protected SmtpSink Smtp { get; private set; } = null!;
    protected EventHubAppFactory App { get; private set; } = null!;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    /// <summary>The demo's logins, when the class shares a seeded <see cref="DemoAppFixture"/>.</summary>
    protected IReadOnlyList<Core.Features.Demo.DemoLogin> DemoLogins => shared?.Logins ?? throw new InvalidOperationException("This class has no shared demo app.");

    /// <summary>The shared Chromium, for a test that needs more than one context (several people at once).</summary>
    protected IBrowser Browser => browser.Browser;

    /// <summary>Configuration a test class needs beyond the defaults (e.g. the two-factor requirement).</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public virtual async Task InitializeAsync()
    {
        if (shared is not null)
        {
            (Smtp, Database, App) = (shared.Smtp, shared.Database, shared.App);
        }
        else
        {
            Smtp = new SmtpSink();
            Database = await TestDatabase.CreateAsync(Core.Data.DatabaseProvider.Sqlite);
            App = EventHubAppFactory.Create(Database, Smtp, realServer: true, settings: Settings, services: ConfigureServices).UseRealServer();
        }

        Context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl });
        Context.SetDefaultTimeout(30_000);
        Page = await Context.NewPageAsync();
    }

    /// <summary>Replaces services of the app under test (e.g. a fake for a part the test is not about).</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    public virtual async Task DisposeAsync()
    {
        await Context.CloseAsync();
        if (shared is null)
        {
            await App.DisposeAsync();
            await Database.DisposeAsync();
            await Smtp.DisposeAsync();
        }
    }

    protected async Task LogInAsync(string email, string password = Password)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.Locator("input[name='Input.Email']").FillAsync(email);
        await Page.Locator("input[name='Input.Password']").FillAsync(password);
        await Page.Locator("button[data-login-submit]").ClickAsync(); // the password form's button, in any language
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Opens an interactive page and waits until its Blazor circuit is connected.</summary>
    protected async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.Locator("[data-circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Saves a screenshot under .test-artifacts/screenshots when EVENTHUB_SCREENSHOTS is set, to look at the screens.</summary>
    protected async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("EVENTHUB_SCREENSHOTS") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            await Page.ScreenshotAsync(new() { Path = Path.Combine(directory, name + ".png"), FullPage = true });
        }
    }

    /// <summary>The first link in an email's plain-text part that contains <paramref name="pathPart"/>.</summary>
    protected static string LinkIn(MimeKit.MimeMessage message, string pathPart)
    {
        foreach (Match m in Regex.Matches(message.TextBody ?? "", @"https?://\S+"))
        {
            if (m.Value.Contains(pathPart, StringComparison.OrdinalIgnoreCase))
            {
                return m.Value;
            }
        }

        throw new Xunit.Sdk.XunitException($"No link containing '{pathPart}' in the email:\n{message.TextBody}");
    }
}
