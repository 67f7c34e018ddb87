using Whfb.Contracts.Health;
using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Tests.Support;
using Whfb.Testing;
using Whfb.Testing.Directory;
using static Whfb.SyncTracker.Tests.Integration.RestartTests;

namespace Whfb.SyncTracker.Tests.Integration;

/// <summary>
/// The real service and the real Samba as enterprises reach a directory: a DC that is down (a closed port, later a relay
/// that starts listening there), a list of DCs, Kerberos, and the refusals at start.
/// </summary>
public sealed class DirectoryAccessTests
{
    private static readonly DateTimeOffset Start = SyncTrackerHost.Start;

    [Fact]
    public async Task An_unreachable_directory_is_an_episode_in_health_and_events_never_a_stalled_pipeline()
    {
        await using var ou = await SambaOu.CreateAsync();
        var port = TcpRelay.FreePort();
        var down = $"ldaps://127.0.0.1:{port}/";
        await using var host = await SyncTrackerHost.StartAsync(With(ou.Settings(), ("SyncTracker:Directory:Url", down)));
        var user = await ou.NewUserAsync("dark");
        await host.PublishAsync(Registration(SyncTrackerHost.TenantA, Guid.NewGuid(), Guid.NewGuid(), Start) with { UserPrincipalName = user.UserPrincipalName });
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM tracked_keys") == 1);

        await host.AdvanceAsync(TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(1));
        await Eventually.Async(() => Task.FromResult(host.Events.Count<DirectoryUnreachable>() == 1));
        var episode = host.Events.Received.OfType<DirectoryUnreachable>().Single();
        Assert.Equal([down], episode.Servers);
        Assert.Contains("127.0.0.1", await host.ReadinessAsync(), StringComparison.Ordinal);
        Assert.Contains("directory unreachable since", await host.ReadinessAsync(), StringComparison.Ordinal);
        Assert.Equal(0, host.Events.Count<KeySyncStuck>());
        Assert.Equal(0, host.Events.Count<SyncPipelineStalled>());

        // The DC comes back: the episode ends once, and the clock concludes again from fresh scans.
        await using var relay = new TcpRelay(LocalDirectory.Url.Host, LocalDirectory.Url.Port, port);
        await host.AdvanceUntilAsync(() => host.Events.Count<DirectoryReachable>() == 1);
        Assert.Equal(episode.Since, host.Events.Received.OfType<DirectoryReachable>().Single().UnreachableSince);
        await host.AdvanceUntilAsync(() => host.Events.Count<KeySyncStuck>() == 1 && host.Events.Count<SyncPipelineStalled>() == 1);
        Assert.Equal(1, host.Events.Count<DirectoryUnreachable>());
        Assert.DoesNotContain("unreachable", await host.ReadinessAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dc_that_is_down_is_skipped_for_the_next_and_named_in_health_without_an_episode()
    {
        await using var ou = await SambaOu.CreateAsync();
        var passwordFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(passwordFile, LocalDirectory.Password + "\n");
        await using var host = await SyncTrackerHost.StartAsync(With(ou.Settings(),
            ("SyncTracker:Directory:Url", "ldaps://127.0.0.1:1/"), ("SyncTracker:Directory:FailoverUrls:0", LocalDirectory.Url.ToString()),
            ("SyncTracker:Directory:Password", null), ("SyncTracker:Directory:PasswordFile", passwordFile)));

        await SyncsAKeyAsync(ou, host);

        var health = await host.ReadinessAsync();
        Assert.Contains("\"Degraded\"", health, StringComparison.Ordinal);
        Assert.Contains($"scanning {LocalDirectory.Url}", health, StringComparison.Ordinal);
        Assert.Contains("ldaps://127.0.0.1:1/ unreachable since", health, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalDirectory.Password, health, StringComparison.Ordinal);
        Assert.Equal(0, host.Events.Count<DirectoryUnreachable>());
        File.Delete(passwordFile);
    }

    [Fact]
    public async Task Kerberos_scans_with_the_keytab_and_no_password()
    {
        await using var ou = await SambaOu.CreateAsync();
        await using var host = await SyncTrackerHost.StartAsync(With(ou.Settings(),
            ("SyncTracker:Directory:Url", LocalDirectory.KerberosUrl.ToString()), ("SyncTracker:Directory:BindMode", "Negotiate"),
            ("SyncTracker:Directory:BindDn", null), ("SyncTracker:Directory:Password", null), ("SyncTracker:Directory:CaCertificatesFile", null)));

        await SyncsAKeyAsync(ou, host);

        Assert.Contains($"scanning {LocalDirectory.KerberosUrl}", await host.ReadinessAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_dc_keeps_its_own_cursor_and_a_dc_without_one_is_scanned_in_full()
    {
        await using var ou = await SambaOu.CreateAsync();
        await using var host = await SyncTrackerHost.StartAsync();
        const string otherDc = "CN=NTDS Settings,CN=DC2,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=whfb,DC=test";
        await host.ScalarAsync($"""
            INSERT INTO scan_checkpoints (tenant_id, ds_service_name, highest_committed_usn, scanned_at, last_mode)
            VALUES ('{SyncTrackerHost.TenantA}', '{otherDc}', 987654321, '{Start:O}', 'Incremental')
            """);

        await host.RestartAsync(ou.Settings());
        await Eventually.Async(async () => await host.ScalarAsync(
            $"SELECT count(*) FROM scan_checkpoints WHERE ds_service_name <> '{otherDc}' AND last_mode = 'Full'") == 1, SyncTrackerHost.Patience);

        Assert.Equal(987654321, await host.ScalarAsync($"SELECT highest_committed_usn FROM scan_checkpoints WHERE ds_service_name = '{otherDc}'"));
    }

    [Fact]
    public async Task A_simple_bind_over_plain_ldap_stops_the_service_at_start()
    {
        await using var ou = await SambaOu.CreateAsync();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => SyncTrackerHost.StartAsync(With(ou.Settings(),
            ("SyncTracker:Directory:Url", LocalDirectory.PlainUrl.ToString()), ("SyncTracker:Directory:CaCertificatesFile", null))));

        Assert.Contains("unencrypted", failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(LocalDirectory.Password, failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task SyncsAKeyAsync(SambaOu ou, SyncTrackerHost host)
    {
        var user = await ou.NewUserAsync("dcs");
        var device = Guid.NewGuid();
        await host.PublishAsync(Registration(SyncTrackerHost.TenantA, device, Guid.NewGuid(), Start) with { UserPrincipalName = user.UserPrincipalName });
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM tracked_keys") == 1);
        await ou.AddKeyAsync(user, device, Start.AddSeconds(1));
        await host.AdvanceUntilAsync(() => host.Events.Count<KeySynced>() == 1);
    }

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, params (string Key, string? Value)[] changes)
    {
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return settings;
    }
}
