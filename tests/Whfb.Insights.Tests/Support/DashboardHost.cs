using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Whfb.Insights.Tests.Support;

/// <summary>Insights on a real loopback port, for the browser test.</summary>
public sealed class DashboardHost : InsightsHost
{
    public Uri BaseAddress => new(Service.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override bool UseKestrel => true;
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardHost>
{
    public const string Name = "dashboard";
}
