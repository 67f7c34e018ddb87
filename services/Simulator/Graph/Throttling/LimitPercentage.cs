using System.Globalization;
using Whfb.Simulator.Graph.Routing;

namespace Whfb.Simulator.Graph.Throttling;

/// <summary>
/// <c>x-ms-throttle-limit-percentage</c> on an ordinary answer: "returned only when the application consumed more than 0.8
/// of its limit", from 0.8 to 1.8 (throttling-limits, identity and access service limits, regular responses).
/// </summary>
public static class LimitPercentage
{
    public const string Header = "x-ms-throttle-limit-percentage";
    public const double Threshold = 0.8;

    public static GraphResponse Apply(GraphResponse response, double used)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (used <= Threshold)
        {
            return response;
        }

        var headers = new Dictionary<string, string>(response.Headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
        {
            [Header] = Math.Min(used, 1.8).ToString("0.0#", CultureInfo.InvariantCulture),
        };
        return response with { Headers = headers };
    }
}
