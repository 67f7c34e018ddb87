using Microsoft.Playwright;
using Whfb.Insights.Tests.Support;
using Whfb.ServiceDefaults.Security;
using Whfb.Testing;
using Xunit;

namespace Whfb.Insights.Tests.Dashboard;

/// <summary>The dashboard in headless Chromium (Debian's, installed by deploy/local/install.sh chromium); a screenshot is kept.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardHost host) : IAsyncLifetime
{
    private const string Chromium = "/usr/lib/chromium/chromium";
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run deploy/local/install.sh chromium");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    [Fact]
    public async Task An_operator_signs_in_and_sees_funnel_latency_rings_stuck_keys_and_alerts()
    {
        var scenario = Scenario.Create(InsightsHost.TenantA, DateTimeOffset.UtcNow.AddDays(-2));
        await host.SeedAsync(scenario);
        await host.PublishAsync(Events.Stuck(Events.Deviceless(InsightsHost.TenantA, Guid.NewGuid(), "m-dashboard", scenario.Start), scenario.Start.AddHours(6)));
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM key_state WHERE entra_key_id = 'm-dashboard'") == 1);
        var page = await SignInAsync(InsightsHost.TenantA);
        await page.WaitForSelectorAsync("#funnel svg rect", new() { Timeout = 90_000 });

        Assert.Equal(4, await page.Locator("#funnel svg").First.Locator("rect").CountAsync());
        Assert.True(await page.Locator("#latency svg rect").CountAsync() >= 1);
        Assert.Contains("Pilot ring 0", await page.InnerTextAsync("#rings"));
        Assert.Contains(scenario.Devices[1].ToString(), await page.InnerTextAsync("#stuck-keys"));
        Assert.Contains("not known yet (key m-dashboard)", await page.InnerTextAsync("#stuck-keys"));
        Assert.Contains("Key stuck", await page.InnerTextAsync("#alerts"));
        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard.png");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    [Fact]
    public async Task The_stalled_pipeline_alert_shows_how_many_stuck_keys_are_folded_into_it()
    {
        var (tenant, now) = (InsightsHost.TenantB, DateTimeOffset.UtcNow);
        await host.PublishAsync(Events.Stalled(tenant, now, 3));
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM alerts WHERE tenant_id = @t", ("t", tenant)) == 1);
        await host.PublishAsync(Events.PipelineStuck(tenant, 3, now));
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM alerts WHERE tenant_id = @t AND folded_into IS NOT NULL", ("t", tenant)) == 3);

        var page = await SignInAsync(tenant);
        await page.WaitForSelectorAsync("#alerts tbody tr", new() { Timeout = 90_000 });

        var alerts = await page.InnerTextAsync("#alerts");
        Assert.Contains("Key sync pipeline stalled (+3 stuck keys folded in)", alerts, StringComparison.Ordinal);
        Assert.DoesNotContain("Key stuck", alerts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_shows_the_sign_in_form_and_no_data()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard/").ToString());
        await page.FillAsync("#apikey", "not-a-key");
        await page.ClickAsync("#signin button");
        await page.WaitForFunctionAsync("document.getElementById('status').textContent === 'unauthorized'", null, new() { Timeout = 90_000 });

        Assert.True(await page.IsVisibleAsync("#signin"));
        Assert.False(await page.IsVisibleAsync("#board"));
    }

    private async Task<IPage> SignInAsync(Guid tenant)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard/").ToString());
        await page.FillAsync("#apikey", InsightsHost.KeyOf(tenant, WhfbRoles.Operator));
        await page.ClickAsync("#signin button");
        return page;
    }
}
