using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Whfb.Insights.Apis;

/// <summary>
/// Answers rows as JSON, or as CSV when the caller asks with <c>?format=csv</c> or <c>Accept: text/csv</c>; text cells
/// starting with = + - @ tab or CR are prefixed with ' so a spreadsheet shows them instead of evaluating them.
/// </summary>
public static class Tabular
{
    public static IResult Rows<T>(HttpRequest request, IReadOnlyList<T> rows, string name)
    {
        var format = request.Query["format"].ToString();
        if (format.Length > 0 && format is not ("csv" or "json"))
        {
            throw new QueryParameterException("format", "'format' must be csv or json");
        }

        var wantsCsv = format == "csv" || (format.Length == 0 && request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        return wantsCsv
            ? Results.Text(Csv(rows), "text/csv; charset=utf-8", Encoding.UTF8)
            : Results.Json(new Dictionary<string, object> { ["count"] = rows.Count, [name] = rows });
    }

    public static string Csv<T>(IEnumerable<T> rows)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', properties.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))));
        foreach (var row in rows)
        {
            csv.AppendLine(string.Join(',', properties.Select(p => Field(p.GetValue(row)))));
        }

        return csv.ToString();
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            System.Collections.IEnumerable items and not string => string.Join(' ', items.Cast<object>()),
            JsonElement json => json.GetRawText(),
            _ => value.ToString() ?? "",
        };
        // A cell a spreadsheet would read as a formula (device names and UPNs come from devices) gets a leading quote.
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && value is not IFormattable)
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
