using Whfb.SyncTracker.Tests.Support;
using Whfb.Testing;
using Whfb.Testing.Security;
using Whfb.Testing.Security.Corpus;
using Xunit.Abstractions;
using static Whfb.SyncTracker.Tests.Integration.RestartTests;

namespace Whfb.SyncTracker.Tests.Hardening;

/// <summary>
/// SyncTracker's security suites on one host: its bad-input corpus (a 4xx problem naming the field, no row written)
/// and its tenant-isolation matrix (every route of its OpenAPI document as tenant B, with tenant A's user id).
/// </summary>
public sealed class SecuritySuiteTests(ITestOutputHelper output)
{
    private static readonly Guid A = SyncTrackerHost.TenantA;
    private static readonly Guid B = SyncTrackerHost.TenantB;

    [Fact]
    public async Task Bad_input_is_refused_naming_its_field_and_tenant_B_reaches_nothing_of_tenant_A()
    {
        await using var host = await SyncTrackerHost.StartAsync();
        var (userA, deviceA) = (Guid.NewGuid(), Guid.NewGuid());
        await host.PublishAsync(Registration(A, deviceA, userA, SyncTrackerHost.Start));
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM tracked_keys") == 1);

        var corpus = await BadInputRunner.RunAsync("synctracker", SyncTrackerCorpus.Cases, _ => host.Client(A),
            () => TenantRows.FingerprintAsync(host.ConnectionString));
        var matrix = await new TenantIsolationMatrix
        {
            Service = "synctracker",
            DocumentReader = host.Client(A),
            Intruders = new Dictionary<string, HttpClient> { ["operator-b"] = host.Client(B), ["admin-b"] = host.Admin(B) },
            IdsOfA = new Dictionary<string, string> { ["/v1/users/{id}/keys#id"] = userA.ToString() },
            ValuesOfA = [userA.ToString(), deviceA.ToString(), A.ToString()],
            RowsOfA = () => TenantRows.FingerprintAsync(host.ConnectionString, A),
        }.RunAsync();

        output.WriteLine(corpus.ToString());
        output.WriteLine(matrix.ToString());
        corpus.AssertClean();
        matrix.AssertClean();
        Assert.Contains(userA.ToString(), await host.Client(A).GetStringAsync($"/v1/users/{userA}/keys"), StringComparison.Ordinal);
    }
}
