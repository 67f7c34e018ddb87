namespace Whfb.Simulator.Fleet;

/// <summary>Standalone mode without Ingest: the posts are only counted (the summary says so).</summary>
public sealed class CountingReportSink : IDeviceReportSink
{
    private int _posts;

    public int Posts => _posts;

    public Task SendAsync(DeviceReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Interlocked.Add(ref _posts, report.Records.Count > 0 ? 3 : 2);
        return Task.CompletedTask;
    }
}
