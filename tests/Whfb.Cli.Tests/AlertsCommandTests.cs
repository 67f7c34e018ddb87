using Xunit;

namespace Whfb.Cli.Tests;

/// <summary><c>whfb alerts list</c> and <c>whfb demo summary</c> run as processes against a stand-in Insights API.</summary>
public sealed class AlertsCommandTests : IAsyncLifetime
{
    private const string Stall = "5a11ed00-0000-4000-8000-000000000001";
    private RolloutApiStandIn _api = null!;

    private static string Alert(string id, string kind, string title, string? foldedInto = null, int folded = 0, string? resolvedAt = null) => $$"""
        {"id":"{{id}}","kind":"{{kind}}","title":"{{title}}","text":"t","deviceId":null,"openedAt":"2026-11-25T10:00:00Z",
         "resolvedAt":{{(resolvedAt is null ? "null" : $"\"{resolvedAt}\"")}},"acknowledgedAt":null,"acknowledgedBy":null,
         "foldedInto":{{(foldedInto is null ? "null" : $"\"{foldedInto}\"")}},"folded":{{folded}},"delivered":1,"pending":0,"failed":0}
        """;

    private static string Alerts(params string[] alerts) => $$"""{"count":{{alerts.Length}},"alerts":[{{string.Join(',', alerts)}}]}""";

    public async Task InitializeAsync() => _api = await RolloutApiStandIn.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task List_shows_how_many_alerts_are_folded_into_the_stall_and_asks_for_folded_rows_only_with_folded()
    {
        _api.Answer("GET", "/v1/alerts", 200, Alerts(Alert(Stall, "pipeline-stalled", "Key sync pipeline stalled", folded: 1980)));

        var plain = await WhfbAsync("alerts", "list");
        var folded = await WhfbAsync("alerts", "list", "--folded", "--state", "all");

        Assert.Equal((0, 0), (plain.ExitCode, folded.ExitCode));
        Assert.Contains("+1,980", plain.Output, StringComparison.Ordinal);
        Assert.Equal(["/v1/alerts?state=open&limit=50", "/v1/alerts?state=all&limit=50&folded=true"], _api.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Demo_summary_counts_the_stall_beyond_the_list_limit_and_its_folded_keys_apart()
    {
        _api.Answer("GET", "/admin/fleet", 200, """{"scenario":"demo","state":"done","stats":{"devices":10}}""");
        _api.Answer("GET", "/v1/alerts?state=all&limit=1000", 200, Alerts(
            Alert("0000000a-0000-4000-8000-000000000001", "key-stuck", "Key stuck: ada@contoso.test"),
            Alert("0000000a-0000-4000-8000-000000000002", "key-stuck", "Key stuck: bob@contoso.test", resolvedAt: "2026-11-25T12:00:00Z")));
        _api.Answer("GET", "/v1/alerts?state=all&kind=pipeline-stalled&limit=1000", 200,
            Alerts(Alert(Stall, "pipeline-stalled", "Key sync pipeline stalled", folded: 1980, resolvedAt: "2026-11-25T11:00:00Z")));

        var (exit, output) = await WhfbAsync("demo", "summary");

        Assert.Equal(0, exit);
        Assert.Contains("Alerts raised (Insights): 3 (+1,980 key-stuck folded into pipeline episodes)", output, StringComparison.Ordinal);
        Assert.Matches(@"key-stuck\s+2 \(\+1,980 folded\)\s+1\s+1", output);
        Assert.Matches(@"pipeline-stalled\s+1\s+0\s+1", output);
        Assert.Contains("Insights: 1 pipeline-stalled alerts", output, StringComparison.Ordinal);
        Assert.Contains("1,980 key-stuck alerts folded in", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output)> WhfbAsync(params string[] args) => WhfbProcess.RunAsync("", new Dictionary<string, string>
    {
        ["WHFB_INSIGHTS_URL"] = _api.Url.ToString(),
        ["WHFB_SIMULATOR_URL"] = _api.Url.ToString(),
        ["WHFB_SYNCTRACKER_URL"] = _api.Url.ToString(),
        ["WHFB_POLICY_URL"] = _api.Url.ToString(),
        ["WHFB_API_KEY"] = "whfb_operator_test_key",
        ["NO_COLOR"] = "1",
    }, args);
}
