namespace Whfb.Testing.Security.Corpus;

/// <summary>
/// Bad input for Policy: rollout plans field by field, and the actions' bodies. "{rollout}" is a draft rollout of the
/// caller's tenant that the test seeds (an action's body is checked before the rollout's state). Credential: "admin".
/// </summary>
public static class PolicyCorpus
{
    private const string Json = "application/json";

    private static string Gate(string prerequisites = "0.8", string failures = "0.1", string stuck = "0", string soak = "\"00:10:00\"") =>
        $"{{\"minPrerequisitesPassedShare\":{prerequisites},\"maxProvisioningFailureShare\":{failures},\"maxStuckKeys\":{stuck},\"minSoak\":{soak}}}";

    private static string Ring(string name = "\"Pilot\"", string? group = null, string? gate = null) =>
        $"{{\"name\":{name},\"groupId\":{group ?? $"\"{Guid.NewGuid()}\""},\"gate\":{gate ?? Gate()}}}";

    private static string Settings(string use = "true", string require = "true", string scope = "\"device\"") =>
        $"{{\"usePassportForWork\":{use},\"requireSecurityDevice\":{require},\"scope\":{scope}}}";

    private static string Plan(string? name = null, string mode = "\"settingsCatalog\"", string? settings = null, string? rings = null) =>
        $"{{\"name\":{name ?? $"\"corpus {Guid.NewGuid():N}\""},\"mode\":{mode},\"settings\":{settings ?? Settings()},\"rings\":{rings ?? $"[{Ring()}]"}}}";

    private static IEnumerable<(string Field, string Body)> BadPlans() =>
    [
        ("name", Plan(name: "null")), ("name", Plan(name: "\"\"")), ("name", Plan(name: "\"   \"")), ("name", Plan(name: $"\"{new string('n', 201)}\"")),
        ("name", Plan(name: "\"plan\\u0000\"")), ("name", Plan(name: "\"plan\\u001b[31m\"")), ("name", Plan(name: "\"\\udfff\"")), ("name", Plan(name: "12")),
        ("mode", Plan(mode: "null")), ("mode", Plan(mode: "\"gpo\"")), ("mode", Plan(mode: "1")), ("mode", Plan(mode: "\"\"")),
        ("settings", Plan(settings: "null")), ("settings", Plan(settings: "[]")),
        ("settings.usePassportForWork", Plan(settings: Settings(use: "false"))), ("settings.usePassportForWork", Plan(settings: Settings(use: "null"))),
        ("settings.usePassportForWork", Plan(settings: Settings(use: "\"yes\""))), ("settings.requireSecurityDevice", Plan(settings: Settings(require: "null"))),
        ("settings.requireSecurityDevice", Plan(settings: Settings(require: "2"))), ("settings.scope", Plan(settings: Settings(scope: "\"tenant\""))),
        ("settings.scope", Plan(settings: Settings(scope: "null"))),
        ("rings", Plan(rings: "[]")), ("rings", Plan(rings: "null")), ("rings", Plan(rings: "{}")),
        ("rings", Plan(rings: "[" + string.Join(",", Enumerable.Range(0, 21).Select(_ => Ring())) + "]")),
        ("rings[0]", Plan(rings: "[null]")), ("rings[0].name", Plan(rings: $"[{Ring(name: "\"\"")}]")), ("rings[0].name", Plan(rings: $"[{Ring(name: "\"R\\u0000\"")}]")),
        ("rings[0].name", Plan(rings: $"[{Ring(name: $"\"{new string('r', 201)}\"")}]")),
        ("rings[0].groupId", Plan(rings: $"[{Ring(group: "null")}]")), ("rings[0].groupId", Plan(rings: $"[{Ring(group: $"\"{Guid.Empty}\"")}]")),
        ("rings[0].groupId", Plan(rings: $"[{Ring(group: "\"pilot-group\"")}]")),
        ("rings[1].groupId", Plan(rings: $"[{Ring(group: "\"9a6b6c8e-0000-4000-8000-000000000001\"")},{Ring(group: "\"9a6b6c8e-0000-4000-8000-000000000001\"")}]")),
        ("rings[0].gate", Plan(rings: $"[{Ring(gate: "null")}]")),
        ("rings[0].gate.minPrerequisitesPassedShare", Plan(rings: $"[{Ring(gate: Gate(prerequisites: "1.5"))}]")),
        ("rings[0].gate.minPrerequisitesPassedShare", Plan(rings: $"[{Ring(gate: Gate(prerequisites: "-0.1"))}]")),
        ("rings[0].gate.minPrerequisitesPassedShare", Plan(rings: $"[{Ring(gate: Gate(prerequisites: "null"))}]")),
        ("rings[0].gate.maxProvisioningFailureShare", Plan(rings: $"[{Ring(gate: Gate(failures: "2"))}]")),
        ("rings[0].gate.maxProvisioningFailureShare", Plan(rings: $"[{Ring(gate: Gate(failures: "\"NaN\""))}]")),
        ("rings[0].gate.maxStuckKeys", Plan(rings: $"[{Ring(gate: Gate(stuck: "-1"))}]")),
        ("rings[0].gate.maxStuckKeys", Plan(rings: $"[{Ring(gate: Gate(stuck: "1.5"))}]")),
        ("rings[0].gate.minSoak", Plan(rings: $"[{Ring(gate: Gate(soak: "null"))}]")),
        ("rings[0].gate.minSoak", Plan(rings: $"[{Ring(gate: Gate(soak: "\"ten minutes\""))}]")),
        ("rings[0].gate.minSoak", Plan(rings: $"[{Ring(gate: Gate(soak: "\"-00:01:00\""))}]")),
        ("rings[0].gate.minSoak", Plan(rings: $"[{Ring(gate: Gate(soak: "\"31.00:00:00\""))}]")),
        ("name", "{\"name\": "), ("body", ""), ("body", "null"), ("body", "[]"),
    ];

    private static IEnumerable<BadInputCase> Actions()
    {
        foreach (var justification in new[] { "\"\"", "\"   \"", "\"ok\\u0000\"", "5", "\"\\ud800\"", $"\"{new string('j', 2001)}\"" })
        {
            yield return new("admin", "POST", "/v1/rollouts/{rollout}/advance", Json, $"{{\"justification\":{justification}}}", 400, "justification");
        }

        foreach (var reason in new[] { "\"\"", "\"  \"", "null", "\"stop\\u0000\"", "[]", "\"\\udbff\"", $"\"{new string('r', 2001)}\"" })
        {
            yield return new("admin", "POST", "/v1/rollouts/{rollout}/abort", Json, $"{{\"reason\":{reason}}}", 400, "reason");
        }

        yield return new("admin", "POST", "/v1/rollouts/{rollout}/abort", Json, "", 400, "body");
        yield return new("admin", "POST", "/v1/rollouts/{rollout}/abort", Json, "{\"reason\": ", 400, "reason");
        yield return new("admin", "POST", "/v1/rollouts/{rollout}/advance", Json, "{\"justification\": ", 400, "justification");
        foreach (var action in new[] { "start", "pause", "resume" })
        {
            yield return new("admin", "POST", $"/v1/rollouts/{Guid.NewGuid()}/{action}", null, null, 404, "rollout");
        }

        yield return new("admin", "POST", $"/v1/rollouts/{Guid.NewGuid()}/abort", Json, "{\"reason\":\"not needed\"}", 404, "rollout");
        yield return new("admin", "GET", $"/v1/rollouts/{Guid.NewGuid()}", null, null, 404, "rollout");
        yield return new("admin", "GET", $"/v1/rollouts/{Guid.NewGuid()}/audit", null, null, 404, "rollout");
    }

    public static IReadOnlyList<BadInputCase> Cases { get; } =
        [.. BadPlans().Select(p => new BadInputCase("admin", "POST", "/v1/rollouts", Json, p.Body, 400, p.Field)), .. Actions()];
}
