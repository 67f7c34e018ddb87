using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using Whfb.ServiceDefaults.Telemetry;
using Xunit;

namespace Whfb.ServiceDefaults.Tests.Telemetry;

/// <summary>A request whose URL is a secret (a chat webhook) is traced with scheme and host only.</summary>
public sealed class RedactedUrlTests
{
    [Fact]
    public async Task A_request_asking_for_redaction_is_traced_without_its_path_and_others_keep_theirs()
    {
        var spans = new List<Activity>();
        var builder = Host.CreateApplicationBuilder();
        builder.AddWhfbTelemetry("test");
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
        builder.Services.AddHttpClient();
        using var host = builder.Build();
        await host.StartAsync();
        var http = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

        using var secret = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/services/T0/B0/tokensecret");
        secret.Options.Set(RedactedUrl.Option, true);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(secret));
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("http://127.0.0.1:9/plain/path")));
        await host.StopAsync();

        var urls = spans.Select(s => s.GetTagItem("url.full") as string).OfType<string>().ToList();
        Assert.Contains("http://127.0.0.1:9/[redacted]", urls);
        Assert.Contains("http://127.0.0.1:9/plain/path", urls);
        Assert.DoesNotContain(urls, u => u.Contains("tokensecret", StringComparison.Ordinal));
    }
}
