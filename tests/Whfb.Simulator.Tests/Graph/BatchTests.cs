using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace Whfb.Simulator.Tests.Graph;

public sealed class BatchTests(GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>
{
    [Fact]
    public async Task BatchRequestContentCollection_sends_25_steps_in_two_batches_with_per_step_status()
    {
        var client = emulator.Client();
        var batch = new BatchRequestContentCollection(client);
        var ids = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            ids.Add(await batch.AddBatchRequestStepAsync(client.Users[TestTenant.UserId(i)].Authentication.WindowsHelloForBusinessMethods.ToGetRequestInformation()));
        }

        var missing = await batch.AddBatchRequestStepAsync(client.Users["nobody"].ToGetRequestInformation());

        var responses = await client.Batch.PostAsync(batch);

        var first = await responses.GetResponseByIdAsync<WindowsHelloForBusinessAuthenticationMethodCollectionResponse>(ids[0]);
        Assert.Equal("PC-000", Assert.Single(first.Value!).DisplayName);
        var statuses = await responses.GetResponsesStatusCodesAsync();
        Assert.Equal(25, statuses.Count);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, statuses[missing]);
    }

    [Fact]
    public async Task More_than_20_steps_is_400_and_relative_urls_are_answered_per_step()
    {
        using var raw = new RawGraph(emulator);
        JsonObject Step(int i) => new() { ["id"] = $"{i}", ["method"] = "GET", ["url"] = $"/users/{TestTenant.UserId(i)}?$select=id" };

        var (tooMany, error) = await raw.JsonAsync(HttpMethod.Post, "v1.0/$batch",
            new JsonObject { ["requests"] = new JsonArray(Enumerable.Range(0, 21).Select(i => (JsonNode)Step(i)).ToArray()) });
        var (ok, body) = await raw.JsonAsync(HttpMethod.Post, "v1.0/$batch",
            new JsonObject { ["requests"] = new JsonArray(Step(1), new JsonObject { ["id"] = "x", ["method"] = "GET", ["url"] = "/nothing" }) });

        Assert.Equal(400, tooMany);
        Assert.Equal("BadRequest", error!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(200, ok);
        Assert.Equal(200, body!["responses"]![0]!["status"]!.GetValue<int>());
        Assert.Equal(TestTenant.UserId(1), body["responses"]![0]!["body"]!["id"]!.GetValue<string>());
        Assert.Equal(400, body["responses"]![1]!["status"]!.GetValue<int>());
    }
}
