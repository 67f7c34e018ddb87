using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Whfb.Policy.Tests.Support;

namespace Whfb.Policy.Tests.Integration;

/// <summary>Bad input is a 400 problem naming the field at fault, never a 500; unknown ids 404, wrong states 409.</summary>
public sealed class ValidationTests(PolicyHost host) : IClassFixture<PolicyHost>
{
    private static readonly Guid GroupA = Guid.NewGuid();
    private static readonly Guid GroupB = Guid.NewGuid();

    [Theory]
    [InlineData("name", "name", null)]
    [InlineData("mode", "mode", "\"bogus\"")]
    [InlineData("mode", "mode", "1")]
    [InlineData("settings.usePassportForWork", "settings.usePassportForWork", "false")]
    [InlineData("settings.scope", "settings.scope", "\"tenant\"")]
    [InlineData("rings", "rings", "[]")]
    [InlineData("rings[1].gate.maxProvisioningFailureShare", "rings.1.gate.maxProvisioningFailureShare", "1.5")]
    [InlineData("rings[0].gate.minSoak", "rings.0.gate.minSoak", "\"ten minutes\"")]
    [InlineData("rings[0].gate.maxStuckKeys", "rings.0.gate.maxStuckKeys", "-1")]
    [InlineData("rings[1].groupId", "rings.1.groupId", "\"not-a-guid\"")]
    [InlineData("rings[0].name", "rings.0.name", "\"  \"")]
    public async Task An_invalid_plan_is_a_problem_naming_the_field(string field, string path, string? json)
    {
        var plan = Valid();
        Set(plan, path, json);

        var response = await host.Client().PostAsJsonAsync("/v1/rollouts", plan);

        await AssertProblemAsync(response, field);
    }

    [Fact]
    public async Task Two_rings_on_one_group_malformed_json_and_an_empty_body_are_problems()
    {
        var plan = Valid();
        plan["rings"]![1]!["groupId"] = GroupA.ToString();
        await AssertProblemAsync(await host.Client().PostAsJsonAsync("/v1/rollouts", plan), "rings[1].groupId");
        await AssertProblemAsync(await host.Client().PostAsync("/v1/rollouts", new StringContent("{\"name\": ", Encoding.UTF8, "application/json")), "name");
        await AssertProblemAsync(await host.Client().PostAsync("/v1/rollouts", new StringContent("", Encoding.UTF8, "application/json")), "body");
    }

    [Fact]
    public async Task Unknown_rollouts_are_404_a_second_unfinished_plan_of_the_same_name_409_and_actions_check_their_bodies()
    {
        var admin = host.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/v1/rollouts/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.ActAsync(Guid.NewGuid(), "start")).StatusCode);
        var id = await Plans.CreateAsync(admin, Valid());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/v1/rollouts", Valid())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.ActAsync(id, "pause")).StatusCode);
        await AssertProblemAsync(await admin.ActAsync(id, "advance", new { justification = " " }), "justification");
        await AssertProblemAsync(await admin.ActAsync(id, "abort", new { reason = "" }), "reason");
        Assert.Equal(HttpStatusCode.OK, (await admin.ActAsync(id, "abort", new { reason = "draft not needed" })).StatusCode);
        Assert.NotEqual(id, await Plans.CreateAsync(admin, Valid()));
    }

    private static JsonObject Valid() => Plans.Plan("WHfB validation", "settingsCatalog", ("Pilot", GroupA, Plans.Gate()), ("Broad", GroupB, Plans.Gate()));

    private static void Set(JsonObject plan, string path, string? json)
    {
        var parts = path.Split('.');
        JsonNode node = plan;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var i) ? node[i]! : node[part]!;
        }

        node.AsObject()[parts[^1]] = json is null ? null : JsonNode.Parse(json);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await PolicyHost.ReadAsync(response);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"errors name {field}: {problem}");
    }
}
