using Microsoft.Extensions.DependencyInjection;
using Whfb.Contracts.Devices;
using Whfb.Insights.History;
using Whfb.Insights.Model;
using Whfb.Insights.Tests.Support;
using Xunit;
using static Whfb.Insights.Tests.Support.Events;

namespace Whfb.Insights.Tests.History;

/// <summary>The batch writer itself, without the broker: batches exactly as given.</summary>
[Collection(InsightsCollection.Name)]
public sealed class HistoryBatchWriterTests(InsightsHost host)
{
    private static readonly Guid Tenant = InsightsHost.TenantA;

    private HistoryBatchWriter Writer => host.Service.Services.GetRequiredService<HistoryBatchWriter>();

    [Fact]
    public async Task A_batch_repeating_an_event_of_an_earlier_batch_stores_and_counts_only_its_new_rows()
    {
        var device = Guid.NewGuid();
        var notReady = Row(Readiness(Tenant, device, false, T0));
        Assert.Equal(2, await Writer.WriteAsync([notReady, Row(Log(device, T0.AddMinutes(1)))], CancellationToken.None));
        var failures = await FailuresOfDayAsync();

        var ready = Row(Readiness(Tenant, device, true, T0.AddMinutes(5)));
        Assert.Equal(1, await Writer.WriteAsync([notReady, ready], CancellationToken.None));

        Assert.Equal(3, await host.ScalarAsync("SELECT count(*) FROM history WHERE device_id = @d", ("d", device)));
        Assert.Equal(failures, await FailuresOfDayAsync());
        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM device_state WHERE device_id = @d AND prereqs_passed_at IS NOT NULL", ("d", device)));
    }

    [Fact]
    public async Task A_batch_of_only_log_entries_is_stored_without_touching_the_projections()
    {
        var device = Guid.NewGuid();
        Assert.Equal(2, await Writer.WriteAsync([Row(Log(device, T0)), Row(Log(device, T0.AddMinutes(1)))], CancellationToken.None));

        Assert.Equal(2, await host.ScalarAsync("SELECT count(*) FROM history WHERE device_id = @d", ("d", device)));
        Assert.Equal(0, await host.ScalarAsync("SELECT count(*) FROM device_state WHERE device_id = @d", ("d", device)));
    }

    [Fact]
    public async Task Two_batches_written_at_once_apply_to_the_projections_in_order()
    {
        var devices = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToArray();
        var first = Writer.WriteAsync(devices.Select(d => Row(Readiness(Tenant, d, false, T0))).ToList(), CancellationToken.None);
        var second = Writer.WriteAsync(devices.Select(d => Row(Readiness(Tenant, d, true, T0.AddMinutes(5)))).ToList(), CancellationToken.None);
        Assert.Equal(new[] { 50, 50 }, await Task.WhenAll(first, second));

        // The second batch saw the first one's failures: had it loaded the states before the first committed, its
        // save would have overwritten them.
        Assert.Equal(50, await host.ScalarAsync(
            "SELECT count(*) FROM device_state WHERE device_id = ANY(@d) AND last_failure IS NOT NULL AND prereqs_passed_at IS NOT NULL", ("d", devices)));
    }

    [Fact]
    public async Task Two_batches_written_at_once_sharing_an_event_store_it_once()
    {
        var device = Guid.NewGuid();
        var shared = Row(Readiness(Tenant, device, false, T0));
        var writes = Enumerable.Range(1, 2).Select(i => Writer.WriteAsync([shared, Row(Log(device, T0.AddMinutes(i)))], CancellationToken.None));

        Assert.Equal(3, (await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(20))).Sum());
        Assert.Equal(3, await host.ScalarAsync("SELECT count(*) FROM history WHERE device_id = @d", ("d", device)));
    }

    private Task<long> FailuresOfDayAsync() => host.ScalarAsync(
        "SELECT coalesce(sum(count), 0) FROM failure_daily WHERE tenant_id = @t AND day = @day", ("t", Tenant), ("day", DateOnly.FromDateTime(T0.UtcDateTime)));

    private static DeviceLogEntryRecorded Log(Guid device, DateTimeOffset at) =>
        new(Header(Tenant, device, 5000, at), "Information", "HelloForBusiness", new Dictionary<string, string>(), "TPM info");

    private static HistoryRow Row<T>(T message) where T : class =>
        message switch
        {
            ProvisioningReadinessReported m => HistoryRows.Device(m.Header, m, m.IsReady ? "ready" : "not ready"),
            DeviceLogEntryRecorded m => HistoryRows.Device(m.Header, m, m.Level),
            _ => throw new ArgumentException(typeof(T).Name),
        };
}
