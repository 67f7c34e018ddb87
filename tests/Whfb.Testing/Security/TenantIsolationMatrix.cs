using System.Net.Http.Headers;
using System.Text;

namespace Whfb.Testing.Security;

/// <summary>What the matrix tried and found; <see cref="Failures"/> names every leak, 5xx, changed row or unseeded route.</summary>
public sealed record IsolationTally(string Service, int Routes, int Calls, int CrossTenantResults, IReadOnlyList<string> Failures)
{
    public override string ToString() => $"{Service}: {Routes} routes × credentials = {Calls} calls, {CrossTenantResults} cross-tenant results";

    /// <summary>No leak, 5xx, changed row or unseeded route, and no cross-tenant result.</summary>
    public void AssertClean()
    {
        Xunit.Assert.True(Failures.Count == 0, string.Join("\n", Failures));
        Xunit.Assert.Equal(0, CrossTenantResults);
    }
}

/// <summary>
/// The tenant-isolation matrix of one service, generated from its OpenAPI document: every route, called with each
/// credential of tenant B, with tenant A's ids in the path and a minimal valid body for writes. Tenant A's data must
/// never show in an answer (any status: a problem must not echo it either, beyond the request's own path), no call
/// may answer 5xx, and tenant A's rows must be the same afterwards. A route whose path parameter has no seeded id of
/// tenant A fails the run, so a new route cannot slip past the matrix unseeded.
/// </summary>
public sealed class TenantIsolationMatrix
{
    public required string Service { get; init; }

    /// <summary>Reads the OpenAPI document (it lists every route of every tenant alike).</summary>
    public required HttpClient DocumentReader { get; init; }

    /// <summary>Tenant B's credentials by name (operator, admin, a collector key…).</summary>
    public required IReadOnlyDictionary<string, HttpClient> Intruders { get; init; }

    /// <summary>Tenant A's value for a path parameter: by "path#param" (<c>/v1/webhooks/{id}#id</c>), else by the parameter's name.</summary>
    public required IReadOnlyDictionary<string, string> IdsOfA { get; init; }

    /// <summary>Minimal valid bodies by route ("POST /v1/webhooks"); a write without one is sent without a body.</summary>
    public IReadOnlyDictionary<string, (string ContentType, string Body)> Bodies { get; init; } = new Dictionary<string, (string, string)>();

    /// <summary>Routes that serve no tenant's data ("GET /dashboard/{file}"); keep it short, and say why where it is filled.</summary>
    public IReadOnlySet<string> NotTenantScoped { get; init; } = new HashSet<string>();

    /// <summary>Ids, names and values of tenant A that no answer to tenant B may contain.</summary>
    public required IReadOnlyCollection<string> ValuesOfA { get; init; }

    /// <summary>Tenant A's rows (every table with a tenant_id), compared before and after.</summary>
    public required Func<Task<string>> RowsOfA { get; init; }

    public async Task<IsolationTally> RunAsync()
    {
        var routes = await OpenApiRoute.ReadAsync(DocumentReader);
        var failures = new List<string>();
        var before = await RowsOfA();
        var (calls, leaks) = (0, 0);
        var scoped = routes.Where(r => !NotTenantScoped.Contains(r.ToString())).ToList();
        foreach (var route in scoped)
        {
            if (Url(route, failures) is not { } url)
            {
                continue;
            }

            foreach (var (credential, client) in Intruders)
            {
                calls++;
                using var request = Request(route, url);
                using var response = await client.SendAsync(request);
                var body = (await response.Content.ReadAsStringAsync()).Replace(url.Split('?')[0], "", StringComparison.OrdinalIgnoreCase);
                var leaked = ValuesOfA.Where(v => body.Contains(v, StringComparison.OrdinalIgnoreCase)).ToList();
                if (leaked.Count > 0)
                {
                    leaks++;
                    failures.Add($"{credential} {route}: {(int)response.StatusCode} shows tenant A's {string.Join(", ", leaked)}");
                }

                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{credential} {route}: {(int)response.StatusCode}");
                }
            }
        }

        if (await RowsOfA() is var after && after != before)
        {
            leaks++;
            failures.Add($"tenant A's rows changed:\n before {before}\n after  {after}");
        }

        if (calls == 0)
        {
            failures.Add("the document lists no tenant-scoped route");
        }

        return new IsolationTally(Service, scoped.Count, calls, leaks, failures);
    }

    private string? Url(OpenApiRoute route, List<string> failures)
    {
        var url = route.Path;
        foreach (var name in route.Parameters)
        {
            if (!IdsOfA.TryGetValue($"{route.Path}#{name}", out var value) && !IdsOfA.TryGetValue(name, out value))
            {
                failures.Add($"{route}: no id of tenant A seeded for {{{name}}}: seed one, or list the route as not tenant-scoped");
                return null;
            }

            url = url.Replace($"{{{name}}}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return url;
    }

    private HttpRequestMessage Request(OpenApiRoute route, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
        if (route.IsWrite && Bodies.TryGetValue(route.ToString(), out var body))
        {
            request.Content = new StringContent(body.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
        }

        return request;
    }
}
