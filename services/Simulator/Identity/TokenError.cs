using System.Globalization;

namespace Whfb.Simulator.Identity;

/// <summary>Entra's token error body: error, error_description "AADSTSnnn: …", error_codes, timestamp, ids.</summary>
public sealed record TokenError(int Status, string Code, Dictionary<string, object> Body)
{
    public static TokenError Create(int status, string error, int aadsts, string description, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var (trace, correlation) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var timestamp = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new TokenError(status, error, new Dictionary<string, object>
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{aadsts}: {description} Trace ID: {trace} Correlation ID: {correlation} Timestamp: {timestamp}",
            ["error_codes"] = new[] { aadsts },
            ["timestamp"] = timestamp,
            ["trace_id"] = trace,
            ["correlation_id"] = correlation,
            ["error_uri"] = $"https://login.microsoftonline.com/error?code={aadsts}",
        });
    }
}
