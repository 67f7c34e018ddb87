using Whfb.Benchmarks.Insights;

namespace Whfb.Benchmarks.Pipeline;

/// <summary>
/// CPU seconds of each part of the pipeline between two readings (from <c>/proc</c>): the Ingest and Insights processes,
/// RabbitMQ (<c>beam.smp</c>) and every PostgreSQL process, plus what the machine left idle. Per event, these say where
/// the pipeline's cost is, whatever else the machine was doing.
/// </summary>
public sealed record StackCpu(double Ingest, double Insights, double RabbitMq, double PostgreSql, double Idle)
{
    public static StackCpu Read(int ingestPid, int insightsPid) => new(
        Seconds(ingestPid), Seconds(insightsPid), Named("beam.smp"), Named("postgres"), IdleSeconds());

    /// <summary>CPU seconds of this process (the COPY client) and of every PostgreSQL process: the raw baseline's cost.</summary>
    public static double ClientAndDatabase() => Seconds(Environment.ProcessId) + Named("postgres");

    public static StackCpu operator -(StackCpu a, StackCpu b) =>
        new(a.Ingest - b.Ingest, a.Insights - b.Insights, a.RabbitMq - b.RabbitMq, a.PostgreSql - b.PostgreSql, a.Idle - b.Idle);

    /// <summary>Microseconds of CPU per event, part by part.</summary>
    public string PerEvent(long events)
    {
        string Us(double seconds) => $"{seconds * 1e6 / Math.Max(1, events):F0}";
        return $"Ingest {Us(Ingest)} / Insights {Us(Insights)} / RabbitMQ {Us(RabbitMq)} / PostgreSQL {Us(PostgreSql)} " +
            $"= {Us(Ingest + Insights + RabbitMq + PostgreSql)} µs (idle {Us(Idle)})";
    }

    private static double Seconds(int pid) => CpuMeter.Stat($"/proc/{pid}/stat")?.Seconds ?? 0;

    private static double Named(string name) => System.IO.Directory.EnumerateDirectories("/proc")
        .Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0]))
        .Select(d => CpuMeter.Stat(Path.Combine(d, "stat")))
        .Where(s => s?.Name == name).Sum(s => s!.Value.Seconds);

    /// <summary>Idle and iowait time of all cores (the first line of /proc/stat, in clock ticks of 10 ms).</summary>
    private static double IdleSeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (double.Parse(fields[4]) + double.Parse(fields[5])) / 100.0;
    }
}
