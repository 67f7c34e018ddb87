using System.Globalization;

namespace Whfb.SyncTracker.Graph;

/// <summary>Reads Graph's throttling headers: Retry-After (seconds or date) and x-ms-throttle-limit-percentage.</summary>
public static class GraphHeaders
{
    public const string LimitPercentage = "x-ms-throttle-limit-percentage";

    public static TimeSpan? RetryAfter(IEnumerable<KeyValuePair<string, IEnumerable<string>>>? headers, DateTimeOffset now) =>
        First(headers, "Retry-After") is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(Math.Max(0, seconds))
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at - now
        : null;

    public static double? Percentage(IEnumerable<KeyValuePair<string, IEnumerable<string>>>? headers) =>
        First(headers, LimitPercentage) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    public static IEnumerable<KeyValuePair<string, IEnumerable<string>>> Of(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers);

    private static string? First(IEnumerable<KeyValuePair<string, IEnumerable<string>>>? headers, string name) =>
        headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
