using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Whfb.Insights.Alerts;
using Xunit;

namespace Whfb.Insights.Tests.Support;

/// <summary>
/// Insights with a <see cref="FakeTimeProvider"/>: retries become due only when a test advances the clock. Besides
/// tenants A and B it has a few spare tenants, one per test that needs alert state of its own (a tenant's open stall).
/// </summary>
public sealed class AlertsHost : InsightsHost
{
    private const int SpareTenants = 40;
    private int handedOut;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public AlertOptions AlertOptions => Service.Services.GetRequiredService<IOptions<AlertOptions>>().Value;

    /// <summary>A tenant no other test uses, with operator and admin keys.</summary>
    public Guid NewTenant()
    {
        var next = Interlocked.Increment(ref handedOut);
        return next <= SpareTenants ? Spare(next) : throw new InvalidOperationException($"more than {SpareTenants} spare tenants: raise {nameof(SpareTenants)}");
    }

    protected override IEnumerable<Guid> Tenants => base.Tenants.Concat(Enumerable.Range(1, SpareTenants).Select(Spare));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Time);

    private static Guid Spare(int n) => Guid.Parse($"c0000000-0000-4000-8000-{n:D12}");
}

[CollectionDefinition(Name)]
public sealed class AlertsCollection : ICollectionFixture<AlertsHost>
{
    public const string Name = "alerts";
}
