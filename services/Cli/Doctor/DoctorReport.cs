using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Whfb.Cli.Doctor;

/// <summary>Prints the checks: JSON for machines, a table on a terminal, plain lines otherwise; the exit code is 1 on any failure.</summary>
public static class DoctorReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static int ExitCode(IReadOnlyList<CheckResult> results) => results.Any(r => r.Status == CheckStatus.Fail) ? 1 : 0;

    public static string ToJson(IReadOnlyList<CheckResult> results) => JsonSerializer.Serialize(new
    {
        checks = results,
        passed = Count(results, CheckStatus.Pass),
        warnings = Count(results, CheckStatus.Warn),
        failed = Count(results, CheckStatus.Fail),
        skipped = Count(results, CheckStatus.Skip),
    }, Json);

    public static string ToText(IReadOnlyList<CheckResult> results)
    {
        var text = new System.Text.StringBuilder();
        foreach (var r in results)
        {
            text.Append($"{Label(r.Status),-5} {r.Id} [{r.Subject}]: {r.Detail}\n");
            if (r.Remedy is { } remedy)
            {
                text.Append($"      fix: {remedy}\n");
            }
        }

        return text.Append(Summary(results)).Append('\n').ToString();
    }

    public static void WriteTable(IReadOnlyList<CheckResult> results)
    {
        var table = new Table().AddColumns("", "Check", "For", "Seen", "Fix");
        foreach (var r in results)
        {
            var color = r.Status switch { CheckStatus.Pass => "green", CheckStatus.Warn => "yellow", CheckStatus.Fail => "red", _ => "grey" };
            table.AddRow($"[{color}]{Label(r.Status)}[/]", Markup.Escape(r.Id), Markup.Escape(r.Subject), Markup.Escape(r.Detail), Markup.Escape(r.Remedy ?? ""));
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(Summary(results));
    }

    private static string Summary(IReadOnlyList<CheckResult> results) =>
        $"{Count(results, CheckStatus.Pass)} passed, {Count(results, CheckStatus.Warn)} warnings, {Count(results, CheckStatus.Fail)} failed, {Count(results, CheckStatus.Skip)} skipped";

    private static string Label(CheckStatus status) => status.ToString().ToUpperInvariant();

    private static int Count(IReadOnlyList<CheckResult> results, CheckStatus status) => results.Count(r => r.Status == status);
}
