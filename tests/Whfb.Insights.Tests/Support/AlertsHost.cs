using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Whfb.Insights.Tests.Support;

/// <summary>Insights with a <see cref="FakeTimeProvider"/>: retries become due only when a test advances the clock.</summary>
public sealed class AlertsHost : InsightsHost
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Time);
}

[CollectionDefinition(Name)]
public sealed class AlertsCollection : ICollectionFixture<AlertsHost>
{
    public const string Name = "alerts";
}
