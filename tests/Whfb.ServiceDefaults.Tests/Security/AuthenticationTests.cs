using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.Tokens;
using Whfb.ServiceDefaults.Security;
using Xunit;

namespace Whfb.ServiceDefaults.Tests.Security;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private static readonly Guid TenantA = Guid.Parse("11111111-1111-4111-8111-111111111111");
    private static readonly Guid TenantB = Guid.Parse("22222222-2222-4222-8222-222222222222");
    private const string OperatorKey = "op_key_of_tenant_a";
    private const string AdminKey = "adm_key_of_tenant_b";
    private readonly byte[] signingKey = RandomNumberGenerator.GetBytes(32);
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        app = await SecuredApp.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0:Name"] = "ops-a",
            ["Auth:ApiKeys:0:TenantId"] = TenantA.ToString(),
            ["Auth:ApiKeys:0:Role"] = "operator",
            ["Auth:ApiKeys:0:Sha256"] = ApiKeyHasher.Hash(OperatorKey),
            ["Auth:ApiKeys:1:Name"] = "admin-b",
            ["Auth:ApiKeys:1:TenantId"] = TenantB.ToString(),
            ["Auth:ApiKeys:1:Role"] = "admin",
            ["Auth:ApiKeys:1:Sha256"] = ApiKeyHasher.Hash(AdminKey).ToUpperInvariant(),
            ["Auth:Jwt:Issuer"] = "https://issuer.test",
            ["Auth:Jwt:Audience"] = "api://whfb",
            ["Auth:Jwt:SigningKey"] = Convert.ToBase64String(signingKey),
        });
        client = app.GetTestClient();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Operator_key_reads_with_the_tenant_of_the_key()
    {
        var response = await Send(HttpMethod.Get, "/read", new AuthenticationHeaderValue("ApiKey", OperatorKey));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(TenantA, body.GetProperty("tenant").GetGuid());
        Assert.Equal("ops-a", body.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Operator_key_cannot_write()
    {
        var response = await Send(HttpMethod.Post, "/write", new AuthenticationHeaderValue("ApiKey", OperatorKey));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Admin_key_writes_and_reads()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Post, "/write", new AuthenticationHeaderValue("ApiKey", AdminKey))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/read", new AuthenticationHeaderValue("ApiKey", AdminKey))).StatusCode);
    }

    [Theory]
    [InlineData("ApiKey", "not-a-key")]
    [InlineData("ApiKey", "op_key_of_tenant_")]
    [InlineData(null, null)]
    public async Task Unknown_or_missing_key_is_401(string? scheme, string? key)
    {
        var response = await Send(HttpMethod.Get, "/read", scheme is null ? null : new AuthenticationHeaderValue(scheme, key));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Jwt_with_tenant_and_admin_role_writes()
    {
        var token = Token(TenantB, "Whfb.Admin", "https://issuer.test");
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Post, "/write", new AuthenticationHeaderValue("Bearer", token))).StatusCode);
    }

    [Fact]
    public async Task Jwt_from_another_issuer_is_401()
    {
        var token = Token(TenantB, "Whfb.Admin", "https://evil.test");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, "/read", new AuthenticationHeaderValue("Bearer", token))).StatusCode);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("Admin")]
    [InlineData("whfb.admin")]
    [InlineData("operator")]
    public async Task Jwt_roles_other_than_the_platforms_own_grant_nothing(string role)
    {
        var token = Token(TenantB, role, "https://issuer.test");

        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Get, "/read", new AuthenticationHeaderValue("Bearer", token))).StatusCode);
    }

    [Fact]
    public async Task Jwt_operator_role_reads_but_does_not_write()
    {
        var token = Token(TenantA, "Whfb.Operator", "https://issuer.test");

        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/read", new AuthenticationHeaderValue("Bearer", token))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Post, "/write", new AuthenticationHeaderValue("Bearer", token))).StatusCode);
    }

    [Theory]
    [InlineData("Auth:Jwt:Issuer", "Auth:Jwt:Issuer is required")]
    [InlineData("Auth:Jwt:Audience", "Auth:Jwt:Audience is required")]
    public async Task Jwt_without_issuer_or_audience_refuses_to_start(string missing, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Jwt:Authority"] = "https://login.microsoftonline.com/common/v2.0",
            ["Auth:Jwt:Issuer"] = "https://issuer.test",
            ["Auth:Jwt:Audience"] = "api://whfb",
        };
        settings.Remove(missing);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SecuredApp.StartAsync(settings));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_key_with_an_unknown_role_refuses_to_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SecuredApp.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0:Name"] = "typo",
            ["Auth:ApiKeys:0:TenantId"] = TenantA.ToString(),
            ["Auth:ApiKeys:0:Role"] = "superuser",
            ["Auth:ApiKeys:0:Sha256"] = ApiKeyHasher.Hash("k"),
        }));

        Assert.Contains("'typo' has role 'superuser'", error.Message, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, AuthenticationHeaderValue? authorization)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = authorization;
        return client.SendAsync(request);
    }

    private string Token(Guid tenant, string role, string issuer)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "api://whfb",
            Expires = DateTime.UtcNow.AddMinutes(5),
            Subject = new ClaimsIdentity([new Claim("tid", tenant.ToString()), new Claim("roles", role), new Claim("sub", "someone")]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JwtSecurityTokenHandler().CreateEncodedJwt(descriptor);
    }
}
