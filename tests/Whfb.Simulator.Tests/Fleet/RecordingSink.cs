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

    public Task SendEventsAsync(IReadOnlyList<JsonObject> records, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Records.AddRange(records);
        }

        return Task.CompletedTask;
    }

    public Task SendDsregcmdAsync(Guid deviceId, string text, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Dsregcmd.Add((deviceId, text));
        }

        return Task.CompletedTask;
    }

    public Task SendPolicyStateAsync(JsonObject state, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            PolicyStates.Add(state);
        }

        return Task.CompletedTask;
    }
}
