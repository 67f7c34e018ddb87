using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Whfb.Testing;
using Xunit;

namespace Whfb.ServiceDefaults.Tests.Observability;

/// <summary>
/// The dashboards and alert rules of deploy/observability query only metrics the services export: a renamed or removed
/// instrument fails here instead of leaving a silent panel or an alert that can never fire.
/// </summary>
public sealed class MetricNamesTests
{
    private static readonly string Observability = Path.Combine(RepositoryPaths.Root, "deploy", "observability");

    /// <summary>
    /// Instruments of the libraries the services register in ServiceDefaults (AddWhfbTelemetry), named as their
    /// semantic conventions name them; the exporter test below proves each one is exported under that name.
    /// </summary>
    private static readonly Instrument[] LibraryInstruments =
    [
        new(InstrumentKind.Histogram, "http.server.request.duration", "s", "ASP.NET Core (Microsoft.AspNetCore.Hosting)"),
    ];

    /// <summary>Metrics of other exporters: the broker's rabbitmq_prometheus plugin (per-object metrics enabled).</summary>
    private static readonly string[] ExternalPrefixes = ["rabbitmq_"];

    public static TheoryData<string> QueryFiles() =>
    [
        .. System.IO.Directory.GetFiles(Path.Combine(Observability, "prometheus"), "*.yaml")
            .Where(f => !f.EndsWith(".test.yaml", StringComparison.Ordinal))
            .Concat(System.IO.Directory.GetFiles(Path.Combine(Observability, "grafana"), "*.json"))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f)),
    ];

    [Theory]
    [MemberData(nameof(QueryFiles))]
    public void Every_metric_a_query_names_is_one_the_services_export(string file)
    {
        var path = Path.Combine(RepositoryPaths.Root, file);
        var expressions = (file.EndsWith(".json", StringComparison.Ordinal)
            ? QueriedMetrics.DashboardExpressions(path)
            : QueriedMetrics.RuleExpressions(path)).ToList();
        var exported = ExportedNames();

        var queried = expressions.SelectMany(QueriedMetrics.MetricNames).ToHashSet();
        var unknown = queried.Where(n => !exported.Contains(n) && !ExternalPrefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(queried);
        Assert.True(unknown.Count == 0, $"{file} queries metrics no service exports: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void The_source_scan_finds_the_services_instruments_with_their_units()
    {
        var declared = DeclaredInstruments.In(Path.Combine(RepositoryPaths.Root, "services"));

        Assert.Contains(declared, i => i is { Kind: InstrumentKind.Histogram, Name: "whfb.synctracker.sync.latency", Unit: "s" });
        Assert.Contains(declared, i => i is { Kind: InstrumentKind.Gauge, Name: "whfb.synctracker.keys.stuck", Unit: "{key}" });
        Assert.Contains(declared, i => i is { Kind: InstrumentKind.Counter, Name: "whfb.ingest.publish.refused", Unit: null });
        // A name given as a constant rather than a literal.
        Assert.Contains(declared, i => i is { Kind: InstrumentKind.Gauge, Name: "whfb.synctracker.directory.scan.age", Unit: "s" });
    }

    [Fact]
    public void PromQL_names_are_told_apart_from_functions_labels_and_keywords()
    {
        var names = QueriedMetrics.MetricNames(
            "histogram_quantile(0.95, sum by (le, http_route) (rate(a_seconds_bucket{job=\"x\", q=~\"b|c\"}[$__rate_interval])))"
            + " unless on (tenant) absent(b_total) > 0 and label_values(c_gauge, tenant)").ToList();

        Assert.Equal(["a_seconds_bucket", "b_total", "c_gauge"], names);
    }

    [Fact]
    public async Task The_naming_rule_matches_what_the_Prometheus_exporter_serves()
    {
        var meterName = $"naming-test-{Guid.NewGuid():N}";
        var samples = new Instrument[]
        {
            new(InstrumentKind.Counter, "whfb.test.plain", null, "test"),
            new(InstrumentKind.Counter, "whfb.test.requests", "{request}", "test"),
            new(InstrumentKind.Histogram, "whfb.test.latency", "s", "test"),
            new(InstrumentKind.Gauge, "whfb.test.keys", "{key}", "test"),
            new(InstrumentKind.Gauge, "whfb.test.age", "s", "test"),
            new(InstrumentKind.Gauge, "whfb.test.share", "1", "test"),
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(meterName).AddAspNetCoreInstrumentation().AddPrometheusExporter());
        await using var app = builder.Build();
        app.MapGet("/ping", () => "pong");
        app.MapPrometheusScrapingEndpoint("/metrics");
        await app.StartAsync();
        using var meter = new Meter(meterName);
        meter.CreateCounter<long>("whfb.test.plain").Add(1);
        meter.CreateCounter<long>("whfb.test.requests", "{request}").Add(1);
        meter.CreateHistogram<double>("whfb.test.latency", "s").Record(0.5);
        meter.CreateObservableGauge("whfb.test.keys", () => 3, "{key}");
        meter.CreateObservableGauge("whfb.test.age", () => 90.0, "s");
        meter.CreateObservableGauge("whfb.test.share", () => 0.5, "1");
        var client = app.GetTestClient();
        await client.GetStringAsync(new Uri("/ping", UriKind.Relative));

        var scraped = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var served = scraped.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('{', ' ')[0]).ToHashSet();
        foreach (var instrument in samples.Concat(LibraryInstruments))
        {
            foreach (var name in PrometheusNames.Of(instrument.Kind, instrument.Name, instrument.Unit))
            {
                Assert.True(served.Contains(name), $"{instrument.Name} ({instrument.Unit}) is not served as {name}:\n{scraped}");
            }
        }

        await app.StopAsync();
    }

    private static HashSet<string> ExportedNames() =>
        DeclaredInstruments.In(Path.Combine(RepositoryPaths.Root, "services"))
            .Concat(LibraryInstruments)
            .SelectMany(i => PrometheusNames.Of(i.Kind, i.Name, i.Unit))
            .ToHashSet();
}
