using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Whfb.GraphClient;

namespace Whfb.Benchmarks.SyncTracker;

/// <summary>
/// The raw baseline of the Graph side: a plain HttpClient reading the same data the inventory reads (report pages of 999,
/// users delta pages of 200, methods listed in $batch of 20: without devices, as Graph lists them, and no single GET since
/// every user of the bench tenant holds one key), waiting out Retry-After and re-sending only the throttled steps; nothing
/// parsed beyond what paging needs, nothing stored.
/// </summary>
internal static class RawGraphInventory
{
    public sealed record Result(TimeSpan Elapsed, int Requests, int Throttled, int Listed);

    public static async Task<Result> RunAsync(GraphConnectionOptions connection, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var pin = CertificatePin.From(connection);
        var token = await GraphServiceClientFactory.CreateCredential(connection, pin)
            .GetTokenAsync(new TokenRequestContext([connection.Scope]), cancellationToken);
        using var http = new HttpClient(pin?.CreateHandler() ?? new SocketsHttpHandler()) { BaseAddress = new Uri(connection.BaseUrl + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var counter = new Counter();
        var clock = Stopwatch.StartNew();
        await PagesAsync(http, counter, "reports/authenticationMethods/userRegistrationDetails?$filter=" +
            Uri.EscapeDataString("methodsRegistered/any(m:m eq 'windowsHelloForBusiness')") + "&$select=id,userPrincipalName&$top=999", null, cancellationToken);
        await PagesAsync(http, counter, "users/delta?$select=id,userPrincipalName,onPremisesImmutableId,onPremisesSecurityIdentifier",
            "odata.maxpagesize=200", cancellationToken);
        var listed = 0;
        foreach (var chunk in userIds.Chunk(20))
        {
            listed += await BatchAsync(http, counter, chunk, cancellationToken);
        }

        return new Result(clock.Elapsed, counter.Requests, counter.Throttled, listed);
    }

    private static async Task PagesAsync(HttpClient http, Counter counter, string first, string? prefer, CancellationToken cancellationToken)
    {
        for (string? url = first; url is not null;)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (prefer is not null)
            {
                request.Headers.Add("Prefer", prefer);
            }

            using var response = await counter.SendAsync(http, request, cancellationToken);
            if ((int)response.StatusCode == 429)
            {
                counter.Throttled++;
                await Task.Delay(RetryAfter(response.Headers.RetryAfter), cancellationToken);
                continue;
            }

            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            url = body?["@odata.nextLink"]?.GetValue<string>();
        }
    }

    private static async Task<int> BatchAsync(HttpClient http, Counter counter, string[] users, CancellationToken cancellationToken)
    {
        var listed = 0;
        for (var pending = users; pending.Length > 0;)
        {
            var steps = new JsonArray(pending.Select(u => (JsonNode)new JsonObject
            {
                ["id"] = u, ["method"] = "GET", ["url"] = $"/users/{u}/authentication/windowsHelloForBusinessMethods",
            }).ToArray());
            using var response = await counter.SendAsync(http, new HttpRequestMessage(HttpMethod.Post, "$batch") { Content = JsonContent.Create(new JsonObject { ["requests"] = steps }) }, cancellationToken);
            var answers = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["responses"]?.AsArray() ?? [];
            var throttled = answers.Where(a => a?["status"]?.GetValue<int>() == 429).ToList();
            listed += answers.Count(a => a?["status"]?.GetValue<int>() == 200);
            counter.Throttled += throttled.Count + ((int)response.StatusCode == 429 ? 1 : 0);
            pending = (int)response.StatusCode == 429 ? pending : [.. throttled.Select(a => a!["id"]!.GetValue<string>())];
            if (pending.Length > 0)
            {
                var seconds = throttled.Select(a => int.TryParse(a?["headers"]?["Retry-After"]?.ToString(), out var s) ? s : 1).DefaultIfEmpty(1).Max();
                await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
            }
        }

        return listed;
    }

    private static TimeSpan RetryAfter(RetryConditionHeaderValue? value) => value?.Delta ?? TimeSpan.FromSeconds(1);

    private sealed class Counter
    {
        public int Requests { get; private set; }

        public int Throttled { get; set; }

        public Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return http.SendAsync(request, cancellationToken);
        }
    }
}
