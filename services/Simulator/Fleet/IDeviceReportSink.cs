using System.Text.Json.Nodes;

namespace Whfb.Simulator.Fleet;

/// <summary>Where the fleet's collector posts go (Ingest over HTTP, or nowhere when no Ingest is configured).</summary>
public interface IDeviceReportSink
{
    Task SendEventsAsync(IReadOnlyList<JsonObject> records, CancellationToken cancellationToken);

    Task SendDsregcmdAsync(Guid deviceId, string text, CancellationToken cancellationToken);

    Task SendPolicyStateAsync(JsonObject state, CancellationToken cancellationToken);
}
