using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;
using Whfb.Cli.Http;

namespace Whfb.Cli.Commands;

/// <summary><c>whfb status</c>: each service's readiness (PostgreSQL, RabbitMQ, ...) as a table.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for each service", DefaultValueFactory = _ => 5 };
        var command = new Command("status", "Show each service's health (/health/ready)") { timeout };
        command.SetAction(async (parse, ct) =>
        {
            using var http = CliHttp.Create(CliClient.Probe);
            // The probe's own limit, over all its attempts.
            http.Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout));
            var results = await Task.WhenAll(ServiceEndpoints.All.Select(s => ProbeAsync(http, s.Name, s.Url, ct)));
            var table = new Table().AddColumns("Service", "URL", "Status", "Checks", "ms");
            foreach (var r in results)
            {
                var color = r.Status == "Healthy" ? "green" : "red";
                table.AddRow(r.Name, r.Url.ToString(), $"[{color}]{Markup.Escape(r.Status)}[/]", Markup.Escape(r.Checks), r.Millis.ToString("0"));
            }

            AnsiConsole.Write(table);
            return results.All(r => r.Status == "Healthy") ? 0 : 1;
        });
        return command;
    }

    private static async Task<Probe> ProbeAsync(HttpClient http, string name, Uri url, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync(new Uri(url, "/health/ready"), ct);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var status = body.RootElement.GetProperty("status").GetString() ?? "Unknown";
            var checks = string.Join(", ", body.RootElement.GetProperty("checks").EnumerateObject()
                .Select(c => $"{c.Name}: {c.Value.GetProperty("status").GetString()}"));
            return new Probe(name, url, status, checks, watch.Elapsed.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return new Probe(name, url, "Unreachable", ex.Message, watch.Elapsed.TotalMilliseconds);
        }
    }

    private sealed record Probe(string Name, Uri Url, string Status, string Checks, double Millis);
}
