using System.Text.RegularExpressions;
using EventHub.TestSupport;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

/// <summary>
/// One headless Debian Chromium for the whole run, driven by Playwright, shared by every test class: each class gets this
/// fixture, the first one launches the browser and the last one to finish closes it. Tests use contexts of their own.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? shared;
    private static IBrowser? sharedBrowser;
    private static int users;

    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (sharedBrowser is null)
            {
                shared = await Microsoft.Playwright.Playwright.CreateAsync();
                sharedBrowser = await shared.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = Environment.GetEnvironmentVariable("EVENTHUB_CHROMIUM") ?? "/usr/bin/chromium",
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
                });
            }

            users++;
            Playwright = shared!;
            Browser = sharedBrowser;
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--users == 0)
            {
                await sharedBrowser!.CloseAsync();
                shared!.Dispose();
                (sharedBrowser, shared) = (null, null);
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}

/// <summary>
/// The two-node scenario runs alone, after the other browser tests: it times how fast a check-in on one node shows on the
/// other, and its two app processes and 300 emails would otherwise share the cores with other browser tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TwoNodeCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "two nodes";
}

/// <summary>
/// A running EventHub on a loopback port with its own database and SMTP server, and a fresh browser context. Each test class
/// is a collection of its own: classes run two at a time (xunit's default on two cores); the browser is shared.
/// </summary>
public abstract class BrowserTest(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    protected const string Password = "correct horse battery staple";
    protected static readonly TimeSpan MailWait = TimeSpan.FromSeconds(30);

    protected TestDatabase Database { get; private set; } = null!;
    protected SmtpSink Smtp { get; private set; } = null!;
    protected EventHubAppFactory App { get; private set; } = null!;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    /// <summary>Configuration a test class needs beyond the defaults (e.g. the two-factor requirement).</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public virtual async Task InitializeAsync()
    {
        Smtp = new SmtpSink();
        Database = await TestDatabase.CreateAsync(Core.Data.DatabaseProvider.Sqlite);
        App = EventHubAppFactory.Create(Database, Smtp, realServer: true, settings: Settings, services: ConfigureServices).UseRealServer();
        Context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl });
        Context.SetDefaultTimeout(15_000);
        Page = await Context.NewPageAsync();
    }

    /// <summary>Replaces services of the app under test (e.g. a fake for a part the test is not about).</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    public virtual async Task DisposeAsync()
    {
        await Context.CloseAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected async Task LogInAsync(string email, string password = Password)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.Locator("input[name='Input.Email']").FillAsync(email);
        await Page.Locator("input[name='Input.Password']").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
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
