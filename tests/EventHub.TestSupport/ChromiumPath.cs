namespace EventHub.TestSupport;

/// <summary>
/// The Chromium the browser tests and benchmarks drive: <c>EVENTHUB_CHROMIUM</c> when set; otherwise Debian's headless shell
/// (package <c>chromium-headless-shell</c>, the build Playwright itself uses for headless runs: no browser window layer, about
/// half the CPU of the full browser per page here), or else the full <c>/usr/bin/chromium</c>.
/// </summary>
public static class ChromiumPath
{
    public const string HeadlessShell = "/usr/lib/chromium/chromium-headless-shell";

    public const string FullBrowser = "/usr/bin/chromium";

    public static string Executable => Environment.GetEnvironmentVariable("EVENTHUB_CHROMIUM") is { Length: > 0 } configured ? configured
        : File.Exists(HeadlessShell) ? HeadlessShell : FullBrowser;
}
