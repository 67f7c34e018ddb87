namespace Whfb.Simulator.Graph.Routing;

internal static partial class GraphLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Throttled app {ClientId}: {Method} {Path}, retry after {Seconds:F1} s")]
    public static partial void Throttled(ILogger logger, string clientId, string method, string path, double seconds);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Denied app {ClientId}: {Method} {Path} (its token's roles admit no permission of the route)")]
    public static partial void Denied(ILogger logger, string clientId, string method, string path);
}
