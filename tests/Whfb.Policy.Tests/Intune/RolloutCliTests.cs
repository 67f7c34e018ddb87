using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Whfb.Policy.Tests.Support;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Policy.Tests.Intune;

/// <summary>
/// <c>whfb rollout …</c> as a real process against the real Policy service (its database, broker and the Graph emulator):
/// whfb speaks HTTP to a loopback port whose requests are passed unchanged to the service's test server.
/// </summary>
public sealed class RolloutCliTests(PolicyHost host) : IClassFixture<PolicyHost>, IAsyncLifetime
{
    private WebApplication _port = null!;
    private HttpClient _service = null!;

    public async Task InitializeAsync()
    {
        _service = host.Anonymous();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _port = builder.Build();
        _port.Run(ForwardAsync);
        await _port.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _port.DisposeAsync();
        _service.Dispose();
    }

    [Fact]
    public async Task An_admin_creates_starts_inspects_and_aborts_a_rollout_with_whfb()
    {
        var (group, _) = host.Graph.NewRing("cli-pilot", 3);
        var name = $"WHfB via whfb {Guid.NewGuid():N}";
        var plan = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(plan, Plans.Plan(name, "settingsCatalog", ("Pilot", group, Plans.Gate())).ToJsonString());

        var created = await WhfbAsync(WhfbRoles.Admin, "rollout", "create", "--file", plan);
        var listed = await WhfbAsync(WhfbRoles.Operator, "rollout", "list", "--json");
        var id = JsonDocument.Parse(listed.Output).RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
        var refused = await WhfbAsync(WhfbRoles.Operator, "rollout", "start", id);
        var started = await WhfbAsync(WhfbRoles.Admin, "rollout", "start", id);
        var status = await WhfbAsync(WhfbRoles.Operator, "rollout", "status", id, "--json");
        var aborted = await WhfbAsync(WhfbRoles.Admin, "rollout", "abort", id, "--reason", "cli test");
        var audit = await WhfbAsync(WhfbRoles.Operator, "rollout", "audit", id);

        Assert.Equal([0, 0, 1, 0, 0, 0, 0], new[] { created, listed, refused, started, status, aborted, audit }.Select(r => r.ExitCode));
        Assert.Contains("draft", created.Output, StringComparison.Ordinal);
        Assert.Contains("403", refused.Output, StringComparison.Ordinal);
        Assert.Contains("running", started.Output, StringComparison.Ordinal);
        var ring = JsonDocument.Parse(status.Output).RootElement.GetProperty("rings")[0];
        Assert.Equal((group.ToString(), 3), (ring.GetProperty("groupId").GetString(), ring.GetProperty("devices").GetInt32()));
        Assert.Contains("aborted", aborted.Output, StringComparison.Ordinal);
        Assert.Contains("graph", audit.Output, StringComparison.Ordinal);
        Assert.Contains("POST", audit.Output, StringComparison.Ordinal);
        Assert.Contains("abort", audit.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_the_service_rejects_is_reported_with_the_field_at_fault()
    {
        var plan = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(plan, Plans.Plan("no rings", "settingsCatalog").ToJsonString());

        var (exit, output) = await WhfbAsync(WhfbRoles.Admin, "rollout", "create", "--file", plan);

        Assert.Equal(1, exit);
        Assert.Contains("400", output, StringComparison.Ordinal);
        Assert.Contains("rings", output, StringComparison.Ordinal);
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var incoming = context.Request;
        using var request = new HttpRequestMessage(new HttpMethod(incoming.Method), incoming.Path + incoming.QueryString);
        using var body = new MemoryStream();
        await incoming.Body.CopyToAsync(body);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body.ToArray());
            request.Content.Headers.TryAddWithoutValidation("Content-Type", incoming.ContentType);
        }

        request.Headers.TryAddWithoutValidation("Authorization", incoming.Headers.Authorization.ToString());
        using var response = await _service.SendAsync(request);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await context.Response.Body.WriteAsync(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<(int ExitCode, string Output)> WhfbAsync(string role, params string[] args)
    {
        var url = _port.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var info = new ProcessStartInfo("dotnet", [Whfb.Testing.RepositoryPaths.WhfbDll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["WHFB_POLICY_URL"] = url, ["WHFB_API_KEY"] = PolicyHost.KeyOf(RolloutTenant.Tenant, role), ["NO_COLOR"] = "1" },
        };
        using var process = Process.Start(info)!;
        var (output, error) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }
}
