using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Whfb.Cli.Tests;

/// <summary><c>whfb rollout …</c> run as a process against a real HTTP endpoint speaking the agreed rollout API.</summary>
public sealed class RolloutCommandTests : IAsyncLifetime
{
    private const string Key = "whfb_admin_test_key";
    private static readonly Guid Id = Guid.Parse("3f0c1d2e-4a5b-4c6d-8e7f-901a2b3c4d5e");
    private RolloutApiStandIn _api = null!;

    private static string Status(string state, string? halt = null) => $$$"""
        {"id":"{{{Id}}}","name":"WHfB key trust","mode":"settingsCatalog","state":"{{{state}}}","currentRing":0,
         "intunePolicyId":"pol-1","haltReason":{{{(halt is null ? "null" : $"\"{halt}\"")}}},
         "rings":[{"index":0,"name":"Pilot","groupId":"11111111-1111-4111-8111-111111111111","state":"assigned","assignedAt":"2026-11-25T10:00:00Z",
                   "devices":40,"prerequisitesPassed":30,"provisioned":25,"failed":6,"synced":20,"stuck":1,
                   "verdict":{"passed":false,"reasons":["failure share 0.15 > 0.10"]}}],
         "gpoConflicts":[{"deviceId":"22222222-2222-4222-8222-222222222222","deviceName":"PC-7","values":[{"scope":"gpo","name":"UsePassportForWork","value":"0","scopeKey":null}]}]}
        """;

    public async Task InitializeAsync() => _api = await RolloutApiStandIn.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Create_posts_the_plan_file_with_the_api_key_and_prints_the_new_rollout()
    {
        var plan = """{"name":"WHfB key trust","mode":"settingsCatalog","settings":{"usePassportForWork":true,"requireSecurityDevice":true,"scope":"device"},"rings":[]}""";
        var file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, plan);
        _api.Answer("POST", "/v1/rollouts", 201, Status("draft"));

        var (exit, output) = await WhfbAsync("rollout", "create", "--file", file);

        var sent = Assert.Single(_api.Requests);
        Assert.Equal(0, exit);
        Assert.Equal(("POST", "/v1/rollouts", $"ApiKey {Key}"), (sent.Method, sent.Path, sent.Authorization));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(plan), JsonNode.Parse(sent.Body)));
        Assert.Contains("WHfB key trust", output, StringComparison.Ordinal);
        Assert.Contains("draft", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("advance")]
    public async Task Actions_post_to_the_rollouts_action_route_without_a_body(string action)
    {
        _api.Answer("POST", $"/v1/rollouts/{Id}/{action}", 200, Status("running"));

        var (exit, _) = await WhfbAsync("rollout", action, Id.ToString());

        Assert.Equal(0, exit);
        var sent = Assert.Single(_api.Requests);
        Assert.Equal(("POST", $"/v1/rollouts/{Id}/{action}", ""), (sent.Method, sent.Path, sent.Body));
    }

    [Fact]
    public async Task Advance_with_a_justification_and_abort_with_a_reason_send_them_as_JSON()
    {
        _api.Answer("POST", $"/v1/rollouts/{Id}/advance", 200, Status("running"));
        _api.Answer("POST", $"/v1/rollouts/{Id}/abort", 200, Status("aborted"));

        var advanced = await WhfbAsync("rollout", "advance", Id.ToString(), "--justification", "CAB-123 accepted the risk");
        var aborted = await WhfbAsync("rollout", "abort", Id.ToString(), "--reason", "helpdesk overload");

        Assert.Equal((0, 0), (advanced.ExitCode, aborted.ExitCode));
        Assert.Equal("CAB-123 accepted the risk", JsonNode.Parse(_api.Requests[0].Body)!["justification"]!.GetValue<string>());
        Assert.Equal("helpdesk overload", JsonNode.Parse(_api.Requests[1].Body)!["reason"]!.GetValue<string>());
        Assert.Contains("aborted", aborted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abort_without_a_reason_is_refused_before_any_request()
    {
        var (exit, _) = await WhfbAsync("rollout", "abort", Id.ToString());

        Assert.NotEqual(0, exit);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Status_prints_the_halt_reason_and_gate_verdict_or_the_raw_JSON()
    {
        _api.Answer("GET", $"/v1/rollouts/{Id}", 200, Status("halted", "gate failed"));

        var table = await WhfbAsync("rollout", "status", Id.ToString());
        var json = await WhfbAsync("rollout", "status", Id.ToString(), "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("halted: gate failed", table.Output, StringComparison.Ordinal);
        Assert.Contains("fail", table.Output, StringComparison.Ordinal);
        Assert.Contains("GPO conflicts", table.Output, StringComparison.Ordinal);
        Assert.Contains("UsePassportForWork=0", table.Output, StringComparison.Ordinal);
        Assert.Equal(40, JsonDocument.Parse(json.Output).RootElement.GetProperty("rings")[0].GetProperty("devices").GetInt32());
    }

    [Fact]
    public async Task List_and_audit_render_tables()
    {
        _api.Answer("GET", "/v1/rollouts", 200, $"[{Status("running")}]");
        _api.Answer("GET", $"/v1/rollouts/{Id}/audit", 200,
            """[{"at":"2026-11-25T10:00:00Z","actor":"alice","kind":"action","action":"start","detail":null},{"at":"2026-11-25T10:00:01Z","actor":"alice","kind":"graph","action":"POST","detail":"/beta/x","statusCode":201,"durationMs":12.4}]""");

        var list = await WhfbAsync("rollout", "list");
        var audit = await WhfbAsync("rollout", "audit", Id.ToString());

        Assert.Equal((0, 0), (list.ExitCode, audit.ExitCode));
        Assert.Contains("running", list.Output, StringComparison.Ordinal);
        Assert.Contains("alice", audit.Output, StringComparison.Ordinal);
        Assert.Contains("start", audit.Output, StringComparison.Ordinal);
        Assert.Contains("POST /beta/x", audit.Output, StringComparison.Ordinal);
        Assert.Contains("201", audit.Output, StringComparison.Ordinal);
        Assert.Equal(["/v1/rollouts", $"/v1/rollouts/{Id}/audit"], _api.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_conflict_problem_exits_1_with_its_status_and_detail()
    {
        _api.Answer("POST", $"/v1/rollouts/{Id}/resume", 409, """{"title":"Conflict","status":409,"detail":"a draft rollout cannot resume"}""");

        var (exit, output) = await WhfbAsync("rollout", "resume", Id.ToString());

        Assert.Equal(1, exit);
        Assert.Contains("409", output, StringComparison.Ordinal);
        Assert.Contains("a draft rollout cannot resume", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_api_key_nothing_is_sent()
    {
        var (exit, output) = await WhfbProcess.RunAsync("", Environment(key: ""), "rollout", "list");

        Assert.Equal(1, exit);
        Assert.Contains("WHFB_API_KEY", output, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }

    private Task<(int ExitCode, string Output)> WhfbAsync(params string[] args) => WhfbProcess.RunAsync("", Environment(Key), args);

    private Dictionary<string, string> Environment(string key) => new()
    {
        ["WHFB_POLICY_URL"] = _api.Url.ToString(),
        ["WHFB_API_KEY"] = key,
        ["NO_COLOR"] = "1",
    };
}
