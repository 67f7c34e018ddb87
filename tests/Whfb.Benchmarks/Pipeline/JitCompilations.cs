namespace Whfb.Benchmarks.Pipeline;

/// <summary>
/// Methods a service's JIT has compiled so far, from its Prometheus <c>/metrics</c> (the runtime's
/// <c>dotnet.jit.compiled_methods</c>). A service whose count no longer grows under load runs its steady-state code.
/// </summary>
public static class JitCompilations
{
    private const string Metric = "dotnet_jit_compiled_methods_total";

    public static async Task<long> ReadAsync(HttpClient http, Uri service)
    {
        var text = await http.GetStringAsync(new Uri(service, "/metrics"));
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(Metric, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{service} exports no {Metric}");
        return (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
