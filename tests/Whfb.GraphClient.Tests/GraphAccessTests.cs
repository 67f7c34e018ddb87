using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph.Models.ODataErrors;
using Whfb.GraphClient.Access;
using Whfb.Simulator.Identity;
using Whfb.Testing.Graph;

namespace Whfb.GraphClient.Tests;

/// <summary>Graph's refusals, as the emulator gives them through the real SDK, become one episode per feature.</summary>
public sealed class GraphAccessTests(GraphEmulator emulator) : IClassFixture<GraphEmulator>
{
    [Fact]
    public async Task A_refusal_opens_one_episode_per_feature_and_the_first_success_closes_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var state = new GraphAccessState(time);
        Consent("User.Read.All");

        var denial = GraphDenial.From(await Assert.ThrowsAsync<ODataError>(() => emulator.Client().Users["x"].Authentication.WindowsHelloForBusinessMethods.GetAsync()));
        var opened = state.Denied(GraphFeatures.KeyInventory, denial!);
        var again = state.Denied(GraphFeatures.KeyInventory, denial!);
        var health = await new GraphAccessHealthCheck(state).CheckHealthAsync(new HealthCheckContext());
        time.Advance(TimeSpan.FromMinutes(30));
        var closed = state.Allowed(GraphFeatures.KeyInventory);

        Assert.Equal(DenialKind.Permission, denial!.Kind);
        Assert.Equal("Authorization_RequestDenied", denial.Code);
        Assert.True(opened!.Opened);
        Assert.Null(again);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("key-inventory: needs UserAuthMethod-WindowsHello.Read.All", (string)health.Data["key-inventory"], StringComparison.Ordinal);
        Assert.False(closed!.Opened);
        Assert.Equal(TimeSpan.FromMinutes(30), closed.At - closed.Missing.Since);
        Assert.Null(state.Allowed(GraphFeatures.KeyInventory));
        Consent([.. Whfb.Simulator.Graph.Permissions.RoutePermissions.All]);
    }

    [Fact]
    public async Task The_roles_an_app_was_granted_can_be_read_from_its_token()
    {
        Consent("User.Read.All", "AuditLog.Read.All");
        var options = emulator.Connection();
        var token = await GraphServiceClientFactory.CreateCredential(options, CertificatePin.From(options))
            .GetTokenAsync(new Azure.Core.TokenRequestContext([options.Scope]), default);

        var roles = GraphTokenRoles.Read(token.Token);

        Assert.Equal(["AuditLog.Read.All", "User.Read.All"], roles!.Order(StringComparer.Ordinal));
        Assert.True(GraphFeatures.UserAnchors.AdmittedBy(roles!));
        Assert.False(GraphFeatures.KeyInventory.AdmittedBy(roles!));
        Assert.Null(GraphTokenRoles.Read("not a token"));
        Consent([.. Whfb.Simulator.Graph.Permissions.RoutePermissions.All]);
    }

    [Theory]
    [InlineData(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", DenialKind.Licence)]
    [InlineData(403, "Authentication_MSGraphPermissionMissing", DenialKind.Permission)]
    [InlineData(403, "Forbidden", DenialKind.Permission)]
    public void Graphs_refusal_codes_are_classified(int status, string code, DenialKind kind) =>
        Assert.Equal(kind, GraphDenial.From(status, code, "m")!.Kind);

    [Theory]
    [InlineData(429, "TooManyRequests")]
    [InlineData(403, "accessDenied")]
    [InlineData(404, "Request_ResourceNotFound")]
    public void Other_answers_are_not_denials(int status, string code) => Assert.Null(GraphDenial.From(status, code, "m"));

    private void Consent(params string[] permissions) =>
        emulator.App.Services.GetRequiredService<EmulatedApps>().Consent(GraphEmulator.ClientId, permissions);
}
