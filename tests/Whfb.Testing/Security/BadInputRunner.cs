using System.Net;

namespace Whfb.Testing.Security;

/// <summary>What a corpus run found; <see cref="Failures"/> lists every case that broke a rule, with why.</summary>
public sealed record BadInputTally(string Service, int Tried, int ClientErrors, int ServerErrors, int PartialWrites, IReadOnlyList<string> Failures)
{
    public override string ToString() =>
        $"{Service}: {Tried} cases, {ClientErrors} answered 4xx, {ServerErrors} answered 5xx, {PartialWrites} left a side effect";

    /// <summary>Every case broke no rule: all answered 4xx, none 5xx, none left a side effect.</summary>
    public void AssertClean()
    {
        Xunit.Assert.True(Failures.Count == 0, string.Join("\n", Failures));
        Xunit.Assert.Equal((Tried, 0, 0), (ClientErrors, ServerErrors, PartialWrites));
    }
}

/// <summary>
/// Sends every case of a corpus and checks the three rules: the expected 4xx (never a 5xx), an
/// <c>application/problem+json</c> body naming the field, and no side effect (the service's state: what it published,
/// the rows of its database, is the same before and after).
/// </summary>
public static class BadInputRunner
{
    public static async Task<BadInputTally> RunAsync(
        string service, IReadOnlyList<BadInputCase> cases, Func<string, HttpClient> clientFor, Func<Task<string>> state,
        IReadOnlyDictionary<string, string>? placeholders = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var failures = new List<string>();
        var (clientErrors, serverErrors, writes) = (0, 0, 0);
        foreach (var c in cases)
        {
            var before = await state();
            using var request = c.Request(placeholders);
            using var response = await clientFor(c.As).SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var after = await state();
            var status = (int)response.StatusCode;
            clientErrors += status is >= 400 and < 500 ? 1 : 0;
            serverErrors += status >= 500 ? 1 : 0;
            writes += after != before ? 1 : 0;
            if (Broken(c, response, body, after != before) is { } why)
            {
                failures.Add($"{c} -> {status} {Shorten(body)}: {why}");
            }
        }

        return new BadInputTally(service, cases.Count, clientErrors, serverErrors, writes, failures);
    }

    private static string? Broken(BadInputCase c, HttpResponseMessage response, string body, bool changed) =>
        (int)response.StatusCode != c.Status ? $"expected {c.Status}"
        : response.Content.Headers.ContentType?.MediaType != "application/problem+json" ? "not a problem+json answer"
        : !WithoutEcho(body).Contains(c.Field, StringComparison.Ordinal) ? $"the problem does not name '{c.Field}'"
        : changed ? "a side effect: something was published or written"
        : response.StatusCode == HttpStatusCode.OK ? "answered 200" : null;

    /// <summary>The problem without what only echoes the request (its path in <c>instance</c>), which would name any route's noun.</summary>
    private static string WithoutEcho(string body)
    {
        try
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(body) is System.Text.Json.Nodes.JsonObject problem)
            {
                problem.Remove("instance");
                return problem.ToJsonString();
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // not JSON: checked as it is
        }

        return body;
    }

    private static string Shorten(string body) => body.Length <= 400 ? body : body[..400] + "…";
}
