using System.Text.Json.Nodes;
using Whfb.Simulator.Fleet;

namespace Whfb.Simulator.Tests.Fleet;

/// <summary>Keeps what the fleet would post (devices post concurrently), so tests can read it back through the DeviceReports parsers.</summary>
public sealed class RecordingSink : IDeviceReportSink
{
    private readonly Lock _lock = new();

    public List<JsonObject> Records { get; } = [];

    public List<(Guid DeviceId, string Text)> Dsregcmd { get; } = [];

    public List<JsonObject> PolicyStates { get; } = [];

    public Task SendAsync(DeviceReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_lock)
        {
            Records.AddRange(report.Records);
            Dsregcmd.Add((report.DeviceId, report.Dsregcmd));
            PolicyStates.Add(report.PolicyState);
        }

        return Task.CompletedTask;
    }
}
