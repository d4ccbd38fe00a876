using Microsoft.Playwright;

namespace ContactOS.Testing.Browser;

/// <summary>
/// The machine's Chromium, headless, driven by Playwright. Playwright's own browser download does not work here (and
/// a test must not fetch a browser), so the tests use the Debian package's <c>/usr/bin/chromium</c>, or the path in
/// <c>CONTACTOS_TEST_CHROMIUM</c>. The flags keep Chromium off the network: without them it keeps trying to reach
/// Google's update and sync services. Disposing closes the browser and the Playwright driver.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string PathVariable = "CONTACTOS_TEST_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    private static readonly string[] s_arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Where Chromium is expected; tests fail with how to install it when it is not there.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var executable = ExecutablePath;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at '{executable}'. On Debian: 'apt-get install -y chromium' (tests/run.sh does it), " +
                $"or set {PathVariable} to a Chromium or Chrome executable.");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = s_arguments,
            });
            return new HeadlessChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A fresh browser profile (no cache, cookies or storage) at <paramref name="width"/> x <paramref name="height"/>,
    /// in English and the given colour scheme, so that what a test reads does not depend on the machine's locale.
    /// </summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1440, int height = 1000, ColorScheme colorScheme = ColorScheme.Light) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
            TimezoneId = "UTC",
            ColorScheme = colorScheme,
        });

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
