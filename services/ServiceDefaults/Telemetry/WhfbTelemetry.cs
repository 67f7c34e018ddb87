using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Whfb.ServiceDefaults.Telemetry;

/// <summary>The platform's own activity source and meter, shared by every service.</summary>
public static class WhfbTelemetry
{
    public const string ActivitySourceName = "Whfb";
    public const string MeterName = "Whfb";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
    public static readonly Meter Meter = new(MeterName);
}
