using Azure.Identity;

namespace Whfb.Simulator.Tests.Graph;

public sealed class ErrorAndAuthTests(GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>
{
    [Fact]
    public async Task Wrong_secret_fails_authentication_with_AADSTS7000215()
    {
        var client = emulator.Client(secret: "not-the-secret");

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => client.Users.GetAsync());

        Assert.True(error.ToString().Contains("AADSTS7000215", StringComparison.Ordinal), error.ToString());
    }

    [Fact]
    public async Task Token_endpoint_answers_wrong_secret_with_Entra_error_json_and_401()
    {
        using var raw = new RawGraph(emulator);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = GraphEmulatorFixture.ClientId, ["client_secret"] = "wrong",
            ["grant_type"] = "client_credentials", ["scope"] = "https://127.0.0.1/.default",
        });

        using var response = await raw.Http.PostAsync($"{GraphEmulatorFixture.TenantId}/oauth2/v2.0/token", form);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("invalid_client", body["error"]!.GetValue<string>());
        Assert.StartsWith("AADSTS7000215: ", body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(7000215, body["error_codes"]![0]!.GetValue<int>());
    }

    [Fact]
    public async Task Graph_without_a_token_is_401_InvalidAuthenticationToken()
    {
        using var raw = new RawGraph(emulator);

        var (status, body) = await raw.JsonAsync(HttpMethod.Get, "v1.0/users", authenticate: false);

        Assert.Equal(401, status);
        Assert.Equal("InvalidAuthenticationToken", body!["error"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("v1.0/nonsense", 400, "BadRequest")]
    [InlineData("beta/users/nobody", 404, "Request_ResourceNotFound")]
    [InlineData("v1.0/users?$top=5000", 400, "Request_BadRequest")]
    [InlineData("v1.0/users?$filter=contains(displayName,'x')", 400, "Request_UnsupportedQuery")]
    public async Task Unknown_routes_and_bad_queries_get_Graph_error_shapes(string path, int status, string code)
    {
        using var raw = new RawGraph(emulator);

        var (actual, body) = await raw.JsonAsync(HttpMethod.Get, path);

        Assert.Equal(status, actual);
        Assert.Equal(code, body!["error"]!["code"]!.GetValue<string>());
        Assert.NotNull(body["error"]!["message"]);
    }
}
