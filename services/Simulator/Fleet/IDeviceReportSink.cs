using System.Text.Json.Nodes;

namespace Whfb.Simulator.Fleet;

/// <summary>Where the fleet's collector posts go (Ingest over HTTP, or nowhere when no Ingest is configured).</summary>
public interface IDeviceReportSink
{
    /// <summary>One device's report of one run, as its collector sends it (with that device's own key).</summary>
    Task SendAsync(DeviceReport report, CancellationToken cancellationToken);
}

/// <summary>What one device's collector sends in one run: <c>dsregcmd /status</c>, the policy state and its new event records.</summary>
public sealed record DeviceReport(Guid DeviceId, string DeviceName, string Dsregcmd, JsonObject PolicyState, IReadOnlyList<JsonObject> Records);
