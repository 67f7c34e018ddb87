using System.Diagnostics;
using Npgsql;
using Whfb.Benchmarks.Insights;

namespace Whfb.Benchmarks.Pipeline;

/// <summary>
/// One round: the raw COPY of a set of rows, then the same rows through the saturated pipeline, with the CPU each part
/// of the pipeline spent and the broker messages it took.
/// </summary>
public sealed record PipelineRound(int Number, double CopyRate, double CopyMicrosPerRow, string CopyLoad, Saturation Pipeline, string SaturatedLoad, StackCpu Cpu, long BrokerMessages)
{
    public double Ratio => Pipeline.CommittedPerSecond / CopyRate;

    public static async Task<PipelineRound> RunAsync(
        PipelineServices services, NpgsqlDataSource insights, IReadOnlyList<CollectorPost> posts, int workers, long stored, int number)
    {
        var rows = posts.SelectMany(p => p.Rows).ToList();
        await ResetCopyTableAsync(insights, rows.Min(r => r.OccurredAt));
        var (watch, copyCpu) = (Stopwatch.StartNew(), StackCpu.ClientAndDatabase());
        var copied = await RawHistoryCopy.CopyAsync(insights, rows);
        var copyRate = copied / watch.Elapsed.TotalSeconds;
        var copyMicrosPerRow = (StackCpu.ClientAndDatabase() - copyCpu) * 1e6 / copied;
        var copyLoad = Load.Average();

        var messages = await PublishedAsync(services);
        var cpu = ReadCpu(services);
        var full = await PipelineLoad.SaturateAsync(services.Collector, insights, posts, workers, stored);
        var (spent, load) = (ReadCpu(services) - cpu, Load.Average());
        return new PipelineRound(number, copyRate, copyMicrosPerRow, copyLoad, full, load, spent, await PublishedAsync(services) - messages);
    }

    public string Line() =>
        $"round {Number}: raw COPY {CopyRate:N0} rows/s, {CopyMicrosPerRow:F0} µs CPU per row ({CopyLoad}); pipeline {Pipeline.CommittedPerSecond:N0} events/s ({SaturatedLoad}) = {Ratio:F2}x; " +
        $"CPU per event: {Cpu.PerEvent(Pipeline.Events)}; {EventsPerMessage:F0} events per broker message";

    public double EventsPerMessage => BrokerMessages == 0 ? double.NaN : (double)Pipeline.Events / BrokerMessages;

    /// <summary>The broker's publish count once its statistics caught up (the management plugin samples every 5 s).</summary>
    private static async Task<long> PublishedAsync(PipelineServices services)
    {
        await Task.Delay(TimeSpan.FromSeconds(6));
        return await services.Broker.PublishedMessagesAsync();
    }

    private static StackCpu ReadCpu(PipelineServices services) => StackCpu.Read(services.Ingest.Pid, services.Insights.Pid);

    private static async Task ResetCopyTableAsync(NpgsqlDataSource insights, DateTimeOffset start)
    {
        await using (var drop = insights.CreateCommand("DROP TABLE IF EXISTS history_copy"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await RawHistoryCopy.CreateTableAsync(insights, start, 1);
    }
}
