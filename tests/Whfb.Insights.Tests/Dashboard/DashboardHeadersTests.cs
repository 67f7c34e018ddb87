using Whfb.Insights.Tests.Support;
using Xunit;

namespace Whfb.Insights.Tests.Dashboard;

[Collection(InsightsCollection.Name)]
public sealed class DashboardHeadersTests(InsightsHost host)
{
    [Fact]
    public async Task The_page_may_not_be_framed_rebased_or_post_forms_elsewhere()
    {
        using var response = await host.Service.CreateClient().GetAsync("/dashboard/");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
    }
}
