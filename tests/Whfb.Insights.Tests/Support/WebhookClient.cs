using System.Net.Http.Json;
using System.Text.Json;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Insights.Tests.Support;

public static class WebhookClient
{
    public const string Secret = "s3cret-for-tests-0123456789";

    /// <summary>Registers <paramref name="receiver"/> for the tenant's alerts of <paramref name="kind"/> (null: every kind; admin key).</summary>
    public static async Task<Guid> RegisterAsync(this InsightsHost host, Guid tenant, WebhookReceiver receiver, string? kind, string format = "generic")
    {
        var response = await host.Client(tenant, WhfbRoles.Admin).PostAsJsonAsync("/v1/webhooks",
            new { name = $"{kind ?? "all"}-{format}", url = receiver.Url.ToString(), secret = Secret, format, kinds = kind is null ? [] : new[] { kind } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
