using System.Text.RegularExpressions;

namespace Whfb.ServiceDefaults.Tests.Observability;

/// <summary>
/// The series names OpenTelemetry's Prometheus exporter gives an instrument: dots and other characters outside
/// [a-zA-Z0-9_:] become underscores, the unit is appended in words (s → seconds, By → bytes; annotations such as
/// {key} are dropped, and so is the dimensionless "1": this exporter adds no _ratio), counters end in _total and
/// histograms export _bucket, _sum and _count. <see cref="MetricNamesTests"/> checks this against the real exporter.
/// </summary>
public static partial class PrometheusNames
{
    public static IEnumerable<string> Of(InstrumentKind kind, string name, string? unit)
    {
        var family = Sanitize(name);
        var suffix = UnitSuffix(unit);
        if (suffix.Length > 0 && !family.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            family += "_" + suffix;
        }

        return kind switch
        {
            InstrumentKind.Counter => [family.EndsWith("_total", StringComparison.Ordinal) ? family : family + "_total"],
            InstrumentKind.Histogram => [family + "_bucket", family + "_sum", family + "_count"],
            _ => [family],
        };
    }

    private static string UnitSuffix(string? unit)
    {
        var bare = Annotation().Replace(unit ?? "", "");
        if (bare.Length == 0 || bare == "1")
        {
            return "";
        }

        var parts = bare.Split('/', 2);
        return parts.Length == 2 ? $"{Word(parts[0])}_per_{PerWord(parts[1])}".Trim('_') : Word(bare);
    }

    private static string Word(string unit) => unit switch
    {
        "d" => "days",
        "h" => "hours",
        "min" => "minutes",
        "s" => "seconds",
        "ms" => "milliseconds",
        "us" => "microseconds",
        "ns" => "nanoseconds",
        "By" => "bytes",
        "KiBy" => "kibibytes",
        "MiBy" => "mebibytes",
        "%" => "percent",
        _ => Sanitize(unit),
    };

    private static string PerWord(string unit) => unit switch
    {
        "s" => "second",
        "min" => "minute",
        "h" => "hour",
        "d" => "day",
        _ => Word(unit),
    };

    private static string Sanitize(string name) => Invalid().Replace(name, "_");

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Annotation();

    [GeneratedRegex("[^a-zA-Z0-9_:]")]
    private static partial Regex Invalid();
}
