using System.Text.Json.Nodes;

namespace Whfb.Simulator.Fleet;

/// <summary>Standalone mode without Ingest: the posts are only counted (the summary says so).</summary>
public sealed class CountingReportSink : IDeviceReportSink
{
    private int _posts;

    public int Posts => _posts;

    public Task SendEventsAsync(IReadOnlyList<JsonObject> records, CancellationToken cancellationToken) => Count();

    public Task SendDsregcmdAsync(Guid deviceId, string text, CancellationToken cancellationToken) => Count();

    public Task SendPolicyStateAsync(JsonObject state, CancellationToken cancellationToken) => Count();

    private Task Count()
    {
        Interlocked.Increment(ref _posts);
        return Task.CompletedTask;
    }
}
