namespace Whfb.Testing.Security.Corpus;

/// <summary>
/// Bad input for Insights: every analytics query's parameters, history, alerts (list and acknowledge) and webhooks
/// (create and replace). Credentials: "operator", "admin".
/// </summary>
public static class InsightsCorpus
{
    private const string Json = "application/json";

    private static readonly string[] RangedQueries = ["/v1/analytics/funnel", "/v1/analytics/latency", "/v1/analytics/latency/histogram", "/v1/analytics/access", "/v1/analytics/failures"];

    private static readonly (string Query, string Field)[] BadRanges =
    [
        ("from=yesterday", "from"), ("to=2026-02-30", "to"), ("from=2026-10-02&to=2026-10-01", "from"), ("from=2024-01-01&to=2026-01-01", "from"),
        ("to=01/10/2026", "to"), ("from=2026-1-1", "from"), ("format=csv&from=x", "from"),
    ];

    private static readonly string[] LimitedQueries =
    [
        "/v1/analytics/failures", "/v1/analytics/devices/6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b/timeline", "/v1/analytics/users/ada@whfb.test/timeline",
        "/v1/analytics/keys/stuck", "/v1/analytics/keys/orphaned", "/v1/alerts",
    ];

    private static IEnumerable<BadInputCase> Analytics()
    {
        foreach (var route in RangedQueries)
        {
            foreach (var (query, field) in BadRanges)
            {
                yield return new("operator", "GET", $"{route}?{query}", null, null, 400, field);
            }
        }

        foreach (var route in LimitedQueries)
        {
            foreach (var limit in new[] { "0", "-5", "abc", "99999999999" })
            {
                yield return new("operator", "GET", $"{route}?limit={limit}", null, null, 400, "limit");
            }
        }

        foreach (var groupBy in new[] { "tenant", "ring,colour", "RING;day" })
        {
            yield return new("operator", "GET", $"/v1/analytics/funnel?groupBy={groupBy}", null, null, 400, "groupBy");
        }

        foreach (var user in new[] { "ada%0A@whfb.test", "%07", new string('u', 2000) })
        {
            yield return new("operator", "GET", $"/v1/analytics/users/{user}/timeline", null, null, 400, "user");
        }

        foreach (var (query, field) in new[] { ("limit=abc", "limit"), ("limit=1.5", "limit"), ("deviceId=PC-0001", "deviceId"), ("deviceId=1", "deviceId") })
        {
            yield return new("operator", "GET", $"/v1/history/recent?{query}", null, null, 400, field);
        }
    }

    private static IEnumerable<BadInputCase> Alerts()
    {
        foreach (var (query, field) in new[]
        {
            ("state=closed", "state"), ("state=open,resolved", "state"), ("kind=key-stuck,bogus", "kind"), ("kind=KEY_STUCK", "kind"),
            ("folded=yes", "folded"), ("folded=1", "folded"), ("folded=true,false", "folded"),
        })
        {
            yield return new("operator", "GET", $"/v1/alerts?{query}", null, null, 400, field);
        }

        yield return new("operator", "POST", $"/v1/alerts/{Guid.NewGuid()}/ack", null, null, 404, "alert");
    }

    private static string Webhook(string name = "\"ops\"", string url = "\"https://hooks.example.com/whfb\"", string secret = "\"0123456789abcdef0123\"",
        string format = "\"generic\"", string kinds = "[]") =>
        $"{{\"name\":{name},\"url\":{url},\"secret\":{secret},\"format\":{format},\"kinds\":{kinds}}}";

    private static IEnumerable<(string Field, string Body)> BadWebhooks() =>
    [
        ("name", Webhook(name: "\"\"")), ("name", Webhook(name: "null")), ("name", Webhook(name: "\"  \"")), ("name", Webhook(name: "\"ops\\u0000\"")),
        ("name", Webhook(name: $"\"{new string('w', 201)}\"")), ("name", Webhook(name: "7")), ("name", Webhook(name: "\"\\ud800\"")),
        ("url", Webhook(url: "\"ftp://hooks.example.com\"")), ("url", Webhook(url: "\"not a url\"")), ("url", Webhook(url: "null")),
        ("url", Webhook(url: "\"http://hooks.example.com/whfb\"")), ("url", Webhook(url: "\"https://user:pw@hooks.example.com/\"")),
        ("url", Webhook(url: "\"https://169.254.169.254/latest\"")), ("url", Webhook(url: "\"https://10.0.0.5/hook\"")),
        ("url", Webhook(url: "\"https://[fd00::1]/hook\"")), ("url", Webhook(url: "\"https://hooks.example.com/\\u0000\"")),
        ("url", Webhook(url: $"\"https://hooks.example.com/{new string('p', 5000)}\"")),
        ("secret", Webhook(secret: "\"short\"")), ("secret", Webhook(secret: "\"\"")), ("secret", Webhook(secret: "42")),
        ("format", Webhook(format: "\"xml\"")), ("format", Webhook(format: "\"Teams\"")), ("format", Webhook(format: "[]")),
        ("kinds", Webhook(kinds: "[\"bogus\"]")), ("kinds", Webhook(kinds: "\"key-stuck\"")), ("kinds", Webhook(kinds: "[1]")),
        ("enabled", Webhook()[..^1] + ",\"enabled\":\"yes\"}"),
        ("body", "{\"name\": "), ("body", "[]"),
    ];

    private static IEnumerable<BadInputCase> Webhooks()
    {
        foreach (var (field, body) in BadWebhooks())
        {
            yield return new("admin", "POST", "/v1/webhooks", Json, body, 400, field);
        }

        foreach (var (field, body) in BadWebhooks().Where(w => w.Body.Contains("\"secret\":\"0123", StringComparison.Ordinal)).Take(20))
        {
            yield return new("admin", "PUT", $"/v1/webhooks/{Guid.NewGuid()}", Json, body, 400, field);
        }

        yield return new("admin", "PUT", $"/v1/webhooks/{Guid.NewGuid()}", Json, Webhook(secret: "\"short\""), 400, "secret");
        yield return new("admin", "PUT", $"/v1/webhooks/{Guid.NewGuid()}", Json, Webhook(), 404, "webhook");
        yield return new("admin", "DELETE", $"/v1/webhooks/{Guid.NewGuid()}", null, null, 404, "webhook");
    }

    public static IReadOnlyList<BadInputCase> Cases { get; } = [.. Analytics(), .. Alerts(), .. Webhooks()];
}
