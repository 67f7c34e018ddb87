using System.Globalization;
using Whfb.Insights.Analytics;

namespace Whfb.Insights.Apis;

/// <summary>Reads and validates query parameters, throwing <see cref="QueryParameterException"/> with the parameter's name.</summary>
public static class QueryParameters
{
    public const int MaxDays = 400;

    public static DateRange Range(this HttpRequest request, TimeProvider time, int defaultDays = 30)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var to = request.Date("to") ?? today;
        var from = request.Date("from") ?? to.AddDays(-(defaultDays - 1));
        if (from > to)
        {
            throw new QueryParameterException("from", "'from' must not be after 'to'");
        }

        return to.DayNumber - from.DayNumber >= MaxDays
            ? throw new QueryParameterException("from", $"the range may cover at most {MaxDays} days")
            : new DateRange(from, to);
    }

    public static int Int(this HttpRequest request, string name, int fallback, int min, int max)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new QueryParameterException(name, $"'{name}' must be an integer from {min} to {max}");
    }

    public static IReadOnlyCollection<string> OneOf(this HttpRequest request, string name, IReadOnlyCollection<string> allowed, string fallback)
    {
        var text = request.Query[name].ToString();
        var values = (text.Length == 0 ? fallback : text).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => v.ToLowerInvariant()).ToList();
        var unknown = values.FirstOrDefault(v => !allowed.Contains(v));
        return unknown is null ? values : throw new QueryParameterException(name, $"'{unknown}' is not one of: {string.Join(", ", allowed)}");
    }

    /// <summary>Exactly one of <paramref name="allowed"/>, or <paramref name="fallback"/> when the parameter is absent.</summary>
    public static string One(this HttpRequest request, string name, IReadOnlyCollection<string> allowed, string fallback)
    {
        var values = request.OneOf(name, allowed, fallback);
        return values.Count == 1 ? values.First() : throw new QueryParameterException(name, $"'{name}' takes one of: {string.Join(", ", allowed)}");
    }

    /// <summary><c>true</c> or <c>false</c> (any case), or <paramref name="fallback"/> when the parameter is absent.</summary>
    public static bool Bool(this HttpRequest request, string name, bool fallback) =>
        request.One(name, ["true", "false"], fallback ? "true" : "false") == "true";

    /// <summary>
    /// A user as a timeline takes one (Entra object id, SID or UPN): at most 256 characters, no control characters, so
    /// that a value no user can have is refused rather than answered with an empty timeline.
    /// </summary>
    public static string User(string user) =>
        user.Length is > 0 and <= 256 && !user.Any(char.IsControl)
            ? user
            : throw new QueryParameterException("user", "'user' must be an Entra object id, a SID or a UPN (at most 256 characters)");

    private static DateOnly? Date(this HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new QueryParameterException(name, $"'{name}' must be a date in the form yyyy-MM-dd");
    }
}
