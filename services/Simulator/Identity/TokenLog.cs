namespace Whfb.Simulator.Identity;

internal static partial class TokenLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Token issued to app {ClientId}")]
    public static partial void Issued(ILogger logger, string clientId);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Token refused for app {ClientId}: {Error}")]
    public static partial void Rejected(ILogger logger, string clientId, string error);
}
