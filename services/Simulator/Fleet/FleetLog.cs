namespace Whfb.Simulator.Fleet;

internal static partial class FleetLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Fleet {Scenario}: {Devices} devices built, seed {Seed}")]
    public static partial void Built(ILogger logger, string scenario, int devices, int seed);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Seeded {Seeding}")]
    public static partial void Seeded(ILogger logger, string seeding);

    [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "Ring {Ring} assigned ({Group})")]
    public static partial void RingAssigned(ILogger logger, int ring, string group);

    [LoggerMessage(EventId = 403, Level = LogLevel.Warning, Message = "Injected: Entra Connect scheduler disabled for {Cycles} cycles")]
    public static partial void Stalled(ILogger logger, int cycles);

    [LoggerMessage(EventId = 404, Level = LogLevel.Information, Message = "Fleet summary\n{Summary}")]
    public static partial void Summary(ILogger logger, string summary);

    [LoggerMessage(EventId = 406, Level = LogLevel.Information, Message = "Enrolled: {Enrollment}")]
    public static partial void Enrolled(ILogger logger, string enrollment);

    [LoggerMessage(EventId = 405, Level = LogLevel.Error, Message = "Fleet run failed")]
    public static partial void Failed(ILogger logger, Exception exception);
}
