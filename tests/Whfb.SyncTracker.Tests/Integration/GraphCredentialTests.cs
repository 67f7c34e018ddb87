using Whfb.SyncTracker.Tests.Support;
using Whfb.Testing;
using Whfb.Testing.Graph;

namespace Whfb.SyncTracker.Tests.Integration;

/// <summary>SyncTracker's Graph inventory with the app's certificate, read from the same Graph settings as Policy's.</summary>
public sealed class GraphCredentialTests
{
    [Fact]
    public async Task The_inventory_reads_keys_with_a_certificate_credential()
    {
        await using var emulator = await EmulatorScope<CertificateApps>.StartAsync(new CertificateApps());
        var graph = emulator.Graph;
        await using var ou = await SambaOu.CreateAsync();
        var method = graph.AddKey(graph.HybridUser(await ou.NewUserAsync("cert")), SyncTrackerHost.Start.AddMinutes(-5));
        var settings = WithCredential(graph.InventorySettings(ou), graph, ("ClientCertificatePath", graph.Path("app.pem")));

        await using var host = await SyncTrackerHost.StartAsync(settings);

        await Eventually.Async(async () => await host.ScalarAsync(
            $"SELECT count(*) FROM tracked_keys WHERE entra_key_id = '{method.Id}'") == 1, SyncTrackerHost.Patience);
    }

    [Fact]
    public async Task A_certificate_and_a_secret_together_stop_the_service_at_start()
    {
        await using var emulator = await EmulatorScope<CertificateApps>.StartAsync(new CertificateApps());
        var graph = emulator.Graph;
        var settings = WithCredential(graph.InventorySettings(), graph,
            ("ClientCertificatePath", graph.Path("app.pem")), ("ClientSecret", GraphEmulator.ClientSecret));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => SyncTrackerHost.StartAsync(settings));

        Assert.Contains("both set", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(GraphEmulator.ClientSecret, error.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> WithCredential(
        Dictionary<string, string?> settings, CertificateApps graph, params (string Key, string Value)[] credential)
    {
        settings.Remove("Graph:ClientSecret");
        foreach (var (key, value) in graph.CredentialSettings(CertificateApps.PemApp, credential))
        {
            settings[key] = value;
        }

        return settings;
    }
}
