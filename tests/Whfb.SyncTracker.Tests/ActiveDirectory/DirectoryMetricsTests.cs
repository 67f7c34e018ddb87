using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Whfb.Directory.Ldap;
using Whfb.ServiceDefaults.Telemetry;
using Whfb.SyncTracker.ActiveDirectory;

namespace Whfb.SyncTracker.Tests.ActiveDirectory;

public sealed class DirectoryMetricsTests : IDisposable
{
    private static readonly Uri Dc1 = new("ldaps://dc1.whfb.test:636");

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly DirectoryHealth _health = new();
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, double> _last = [];

    public DirectoryMetricsTests()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        _ = new DirectoryMetrics(_health, _time, meters);
        // Only this test's meter (from its own factory), never another test's instruments on the shared "Whfb" meter.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WhfbTelemetry.MeterName && instrument.Meter.Scope == meters)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => _last[instrument.Name] = value);
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _last[instrument.Name] = value);
        _listener.Start();
    }

    [Fact]
    public void Nothing_is_reported_before_the_first_scan()
    {
        Assert.Empty(Observe());
    }

    [Fact]
    public void A_scan_that_a_domain_controller_answered_reports_reachable_and_its_age()
    {
        _health.ScanSucceeded(Dc1, [], _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(90));

        var values = Observe();

        Assert.Equal(1, values[DirectoryMetrics.Reachable]);
        Assert.Equal(90, values[DirectoryMetrics.ScanAge]);
    }

    [Fact]
    public void A_failed_scan_reports_unreachable_while_the_age_of_the_last_good_scan_keeps_growing()
    {
        _health.ScanSucceeded(Dc1, [], _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(5));
        _health.ScanFailed([new ServerFailure(Dc1, "timeout", IsTimeout: true)], "no domain controller answered", _time.GetUtcNow());

        var values = Observe();

        Assert.Equal(0, values[DirectoryMetrics.Reachable]);
        Assert.Equal(300, values[DirectoryMetrics.ScanAge]);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private Dictionary<string, double> Observe()
    {
        _last.Clear();
        _listener.RecordObservableInstruments();
        return new Dictionary<string, double>(_last);
    }
}
