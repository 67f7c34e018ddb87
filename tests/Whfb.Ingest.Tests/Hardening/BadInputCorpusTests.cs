using Npgsql;
using Whfb.Testing;
using Whfb.Testing.Security;
using Whfb.Testing.Security.Corpus;
using Xunit.Abstractions;

namespace Whfb.Ingest.Tests.Hardening;

/// <summary>
/// Ingest's bad-input corpus on one host: each case a 4xx problem naming its field, and nothing published (a probe
/// queue bound to every device event exchange of the test's virtual host) and no collector key added or revoked.
/// </summary>
public sealed class BadInputCorpusTests(CorpusHost host, ITestOutputHelper output) : IClassFixture<CorpusHost>
{
    [Fact]
    public async Task Every_bad_input_is_a_4xx_problem_naming_its_field_with_nothing_published_or_written()
    {
        await using var probe = await BusProbe.BindAsync(host.VirtualHost, BusProbe.AllDeviceTypes);
        var clients = new Dictionary<string, HttpClient>
        {
            ["collector"] = await host.CollectorAsync(IngestHost.TenantA),
            ["device"] = await host.DeviceAsync(IngestHost.TenantA, IngestCorpus.Device),
            ["admin"] = host.Admin(IngestHost.TenantA),
        };
        async Task<string> StateAsync() => $"{await probe.CountAsync()} published, keys {await KeysAsync(host.ConnectionString)}";

        // The probe must see a publication, or "nothing published" proves nothing.
        var accepted = await clients["device"].PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(IngestCorpus.Device, 1)]));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, accepted.StatusCode);
        await Eventually.Async(async () => await probe.CountAsync() > 0);

        var tally = await BadInputRunner.RunAsync("ingest", IngestCorpus.Cases, c => clients[c], StateAsync);

        output.WriteLine(tally.ToString());
        tally.AssertClean();
    }

    [Fact]
    public void The_corpus_has_at_least_200_cases_across_the_services()
    {
        var counts = BadInputCorpus.ByService.ToDictionary(s => s.Key, s => s.Value.Count);
        output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
        Assert.True(counts.Values.Sum() >= BadInputCorpus.MinimumCases, $"{counts.Values.Sum()} cases");
        Assert.All(counts, c => Assert.True(c.Value >= 15, $"{c.Key}: {c.Value} cases"));
    }

    /// <summary>Rows and revocations of collector keys (last-use times change as the corpus's own keys post, and are no side effect of it).</summary>
    private static async Task<string> KeysAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) || '/' || count(revoked_at) FROM collector_keys", connection);
        return (string)(await count.ExecuteScalarAsync())!;
    }
}
