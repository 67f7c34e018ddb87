using System.Net;
using System.Text.Json.Nodes;
using Whfb.GraphClient;
using Whfb.Testing.Graph;

namespace Whfb.Simulator.Tests.Identity;

/// <summary>The token endpoint's checks of a client assertion, with assertions made by hand, and Entra's error codes.</summary>
public sealed class ClientAssertionTests(CertificateApps apps) : IClassFixture<CertificateApps>, IDisposable
{
    private readonly HttpClient _http = new(new CertificatePin(apps.Certificate.Thumbprint).CreateHandler());

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_well_formed_assertion_gets_a_token_with_ps256_or_rs256(bool pss)
    {
        var (status, _) = await RequestAsync(SignedAssertion.Sign(apps.AppCertificate, Claims(), pss));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task An_expired_assertion_is_AADSTS700024()
    {
        var claims = SignedAssertion.Claims(CertificateApps.PemApp, apps.TokenEndpoint, DateTimeOffset.UtcNow.AddMinutes(-30), TimeSpan.FromMinutes(10));

        Assert.Equal(700024, await CodeAsync(SignedAssertion.Sign(apps.AppCertificate, claims)));
    }

    [Fact]
    public async Task An_assertion_for_another_token_endpoint_is_AADSTS700023()
    {
        var claims = Claims();
        claims["aud"] = $"https://login.microsoftonline.com/{GraphEmulator.TenantId}/oauth2/v2.0/token";

        Assert.Equal(700023, await CodeAsync(SignedAssertion.Sign(apps.AppCertificate, claims)));
    }

    [Fact]
    public async Task An_assertion_issued_for_another_app_is_AADSTS700021()
    {
        var claims = Claims();
        claims["iss"] = GraphEmulator.ClientId;
        claims["sub"] = GraphEmulator.ClientId;

        Assert.Equal(700021, await CodeAsync(SignedAssertion.Sign(apps.AppCertificate, claims)));
    }

    [Fact]
    public async Task A_tampered_assertion_is_AADSTS700027()
    {
        var assertion = SignedAssertion.Sign(apps.AppCertificate, Claims());
        var claims = Claims();
        var forged = $"{assertion[..assertion.IndexOf('.', StringComparison.Ordinal)]}.{Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(claims.ToJsonString()))}.{assertion[(assertion.LastIndexOf('.') + 1)..]}";

        Assert.Equal(700027, await CodeAsync(forged));
    }

    [Fact]
    public async Task The_same_assertion_is_accepted_once()
    {
        var assertion = SignedAssertion.Sign(apps.AppCertificate, Claims());

        Assert.Equal(HttpStatusCode.OK, (await RequestAsync(assertion)).Status);
        Assert.Equal(70002, await CodeAsync(assertion));
    }

    [Fact]
    public async Task An_app_without_a_secret_refuses_an_empty_one()
    {
        using var response = await _http.PostAsync(apps.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = CertificateApps.PemApp, ["client_secret"] = "", ["grant_type"] = "client_credentials", ["scope"] = "https://graph.microsoft.com/.default",
        }));

        Assert.Equal(7000215, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error_codes"]![0]!);
    }

    public void Dispose() => _http.Dispose();

    private JsonObject Claims() => SignedAssertion.Claims(CertificateApps.PemApp, apps.TokenEndpoint, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10));

    private async Task<int> CodeAsync(string assertion)
    {
        var (status, body) = await RequestAsync(assertion);
        Assert.NotEqual(HttpStatusCode.OK, status);
        return (int)body!["error_codes"]![0]!;
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> RequestAsync(string assertion)
    {
        using var response = await _http.PostAsync(apps.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = CertificateApps.PemApp,
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
            ["grant_type"] = "client_credentials",
            ["scope"] = "https://graph.microsoft.com/.default",
        }));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }
}
