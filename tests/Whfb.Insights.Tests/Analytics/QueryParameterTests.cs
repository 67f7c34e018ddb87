using System.Net;
using System.Text.Json;
using Whfb.Insights.Tests.Support;
using Xunit;

namespace Whfb.Insights.Tests.Analytics;

[Collection(InsightsCollection.Name)]
public sealed class QueryParameterTests(InsightsHost host)
{
    [Theory]
    [InlineData("/v1/analytics/funnel?from=yesterday", "from")]
    [InlineData("/v1/analytics/funnel?from=2026-05-02&to=2026-05-01", "from")]
    [InlineData("/v1/analytics/funnel?groupBy=ring,colour", "groupBy")]
    [InlineData("/v1/analytics/latency?to=2026-13-01", "to")]
    [InlineData("/v1/analytics/failures?limit=0", "limit")]
    [InlineData("/v1/analytics/keys/stuck?limit=many", "limit")]
    [InlineData("/v1/analytics/rings?format=xml", "format")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string url, string parameter)
    {
        var response = await host.Client(InsightsHost.TenantA).GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("/v1/analytics/funnel")]
    [InlineData("/v1/history/recent")]
    public async Task Without_a_credential_the_answer_is_401(string url)
    {
        var response = await host.Service.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_analytics_endpoints()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Service.CreateClient().GetAsync("/openapi/v1.json")).StatusCode);
        var document = await host.Client(InsightsHost.TenantA).GetStringAsync("/openapi/v1.json");

        Assert.Contains("/v1/analytics/funnel", document);
        Assert.Contains("/v1/analytics/keys/stuck", document);
    }

    [Fact]
    public async Task Metrics_need_an_operator_credential_and_readiness_names_no_host()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Service.CreateClient().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client(InsightsHost.TenantA).GetAsync("/metrics")).StatusCode);
        var ready = await host.Service.CreateClient().GetStringAsync("/health/ready");

        Assert.DoesNotContain("\"error\"", ready, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", ready, StringComparison.Ordinal);
    }
}
