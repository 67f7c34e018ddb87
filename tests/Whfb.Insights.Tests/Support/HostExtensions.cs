using System.Text.Json;
using Whfb.Testing;

namespace Whfb.Insights.Tests.Support;

public static class HostExtensions
{
    /// <summary>Publishes the scenario and waits until every row carrying a device id is in the history.</summary>
    public static async Task SeedAsync(this InsightsHost host, Scenario scenario)
    {
        await host.PublishAsync(scenario.Messages());
        await Eventually.Async(async () => await host.ScalarAsync(
            "SELECT count(*) FROM history WHERE device_id = ANY(@d)", ("d", scenario.Devices)) == scenario.HistoryRowsWithDevice);
    }

    public static async Task<JsonElement> JsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body).RootElement.Clone()
            : throw new HttpRequestException($"{url}: {(int)response.StatusCode} {body}");
    }
}
