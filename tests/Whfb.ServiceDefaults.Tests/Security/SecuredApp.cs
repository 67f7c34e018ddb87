using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Whfb.ServiceDefaults.Security;

namespace Whfb.ServiceDefaults.Tests.Security;

/// <summary>A tiny API secured exactly as the services are: one operator read, one admin write.</summary>
internal static class SecuredApp
{
    public static async Task<WebApplication> StartAsync(IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddWhfbAuthentication();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/read", (ClaimsPrincipal user) => Results.Ok(new { tenant = user.RequiredTenantId(), actor = user.Actor() }))
            .RequireAuthorization(WhfbRoles.OperatorPolicy);
        app.MapPost("/write", () => Results.NoContent()).RequireAuthorization(WhfbRoles.AdminPolicy);
        await app.StartAsync();
        return app;
    }
}
