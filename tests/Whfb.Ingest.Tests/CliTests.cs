using System.Text.Json;
using Whfb.Testing;

namespace Whfb.Ingest.Tests;

/// <summary><c>whfb collector-key create|list|revoke</c> and <c>whfb dsregcmd parse</c> as an admin runs them, against Ingest on a real port.</summary>
public sealed class CliTests(CliTests.Host host) : IClassFixture<CliTests.Host>
{
    public sealed class Host : IngestHost
    {
        protected override bool UseKestrel => true;
    }

    [Fact]
    public async Task An_admin_creates_lists_and_revokes_a_collector_key_with_whfb()
    {
        var created = await WhfbAsync("collector-key", "create", "ring 1 devices");
        var key = created.Output.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("whfbc_", StringComparison.Ordinal));
        var collector = host.Client("Bearer", key);
        var listed = await WhfbAsync("collector-key", "list", "--json");
        var id = JsonDocument.Parse(listed.Output).RootElement
            .EnumerateArray().Single(k => k.GetProperty("name").GetString() == "ring 1 devices").GetProperty("id").GetGuid();
        var revoked = await WhfbAsync("collector-key", "revoke", id.ToString());
        var again = await WhfbAsync("collector-key", "revoke", Guid.NewGuid().ToString());

        Assert.Equal(0, created.ExitCode);
        Assert.DoesNotContain(key, listed.Output, StringComparison.Ordinal);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("404", again.Output, StringComparison.Ordinal);
        await Eventually.Async(async () => (await collector.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 1)]))).StatusCode == System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Whfb_dsregcmd_parse_prints_the_parsed_status_as_JSON()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "Samples", "Dsregcmd", "hybrid-whfb.txt");
        var (exitCode, output) = await ExternalProcess.RunAsync("bash", ["-c", $"dotnet '{WhfbDll}' dsregcmd parse < '{sample}'"]);

        Assert.Equal(0, exitCode);
        Assert.Equal("HybridJoined", JsonDocument.Parse(output).RootElement.GetProperty("joinType").GetString());
    }

    private static string WhfbDll => Path.Combine(AppContext.BaseDirectory, "whfb.dll");

    private Task<(int ExitCode, string Output)> WhfbAsync(params string[] arguments) =>
        ExternalProcess.RunAsync("dotnet", [WhfbDll, .. arguments], new Dictionary<string, string>
        {
            ["WHFB_INGEST_URL"] = host.KestrelAddress!.ToString(),
            ["WHFB_API_KEY"] = host.AdminKey(IngestHost.TenantA),
            ["NO_COLOR"] = "1",
        });
}
