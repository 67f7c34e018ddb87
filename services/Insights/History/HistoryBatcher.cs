using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Whfb.Insights.Model;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.Insights.History;

/// <summary>
/// Gathers the rows of many concurrently consumed messages into one transaction (up to
/// <see cref="InsightsOptions.MaxBatchSize"/> rows or <see cref="InsightsOptions.BatchWindowMs"/>), so one message
/// per event still writes in batches. A consumer's task completes only after its rows' batch committed, so the
/// broker acknowledgement follows the commit (at-least-once, and the history write is idempotent).
/// </summary>
public sealed partial class HistoryBatcher(
    HistoryBatchWriter writer, IOptions<InsightsOptions> options, ILogger<HistoryBatcher> logger) : BackgroundService
{
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public Task WriteAsync(HistoryRow row, CancellationToken cancellationToken) => WriteAllAsync([row], cancellationToken);

    /// <summary>The rows of one message (a device event batch): done when the batch holding them committed.</summary>
    public Task WriteAllAsync(IReadOnlyList<HistoryRow> rows, CancellationToken cancellationToken)
    {
        var pending = new Pending(rows, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), Activity.Current?.Context);
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The history writer has stopped");
        }

        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Up to two batches are written at once (the writer keeps their projections, rollups and commits in order, so
    /// they never race), and the next batch is gathered and its payloads serialized while those are in the database.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var (earlier, writing) = (Task.CompletedTask, Task.CompletedTask);
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            var batch = new List<Pending>();
            await FillAsync(batch, stoppingToken);
            batch.ForEach(p => p.SerializePayloads());
            await earlier;
            (earlier, writing) = (writing, WriteBatchAsync(batch, stoppingToken));
        }

        await Task.WhenAll(earlier, writing);
    }

    private async Task WriteBatchAsync(List<Pending> batch, CancellationToken stoppingToken)
    {
        // The batch's SQL joins the trace of its first message and links (a few of) the others.
        var traces = batch.Select(p => p.Trace).OfType<ActivityContext>().Distinct().ToList();
        using var activity = WhfbTelemetry.ActivitySource.StartActivity("history batch write", ActivityKind.Internal,
            traces.FirstOrDefault(), links: traces.Skip(1).Take(32).Select(t => new ActivityLink(t)));
        var rows = batch.SelectMany(p => p.Rows).ToList();
        activity?.SetTag("whfb.history.rows", rows.Count);
        try
        {
            await writer.WriteAsync(rows, stoppingToken);
            batch.ForEach(p => p.Done.TrySetResult());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, rows.Count, ex);
            batch.ForEach(p => p.Done.TrySetException(ex));
        }
    }

    /// <summary>Messages until their rows reach MaxBatchSize (the last one may pass it by its own rows) or the window closes.</summary>
    private async Task FillAsync(List<Pending> batch, CancellationToken stoppingToken)
    {
        var max = options.Value.MaxBatchSize;
        var rows = 0;
        using var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        window.CancelAfter(options.Value.BatchWindowMs);
        try
        {
            do
            {
                while (rows < max && queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                    rows += item.Rows.Count;
                }
            }
            while (rows < max && await queue.Reader.WaitToReadAsync(window.Token));
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // the window closed: write what we have
        }
    }

    /// <summary>One message's rows and the consumer waiting for their commit.</summary>
    private sealed record Pending(IReadOnlyList<HistoryRow> Rows, TaskCompletionSource Done, ActivityContext? Trace)
    {
        public void SerializePayloads()
        {
            foreach (var row in Rows)
            {
                _ = row.Payload;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "History batch of {Count} rows failed; the messages will be redelivered")]
    private static partial void LogFailed(ILogger logger, int count, Exception ex);
}
