using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Whfb.Insights.Model;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.Insights.History;

/// <summary>
/// Gathers the rows of many concurrently consumed messages into one transaction (up to
/// <see cref="InsightsOptions.MaxBatchSize"/> rows or <see cref="InsightsOptions.BatchWindowMs"/>), so one message
/// per event still writes in batches. A consumer's task completes only after its row's batch committed, so the
/// broker acknowledgement follows the commit (at-least-once, and the history write is idempotent).
/// </summary>
public sealed partial class HistoryBatcher(
    HistoryBatchWriter writer, IOptions<InsightsOptions> options, ILogger<HistoryBatcher> logger) : BackgroundService
{
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public Task WriteAsync(HistoryRow row, CancellationToken cancellationToken) => Enqueue(row).WaitAsync(cancellationToken);

    /// <summary>The rows of one message (a device event batch): done when every row's batch committed.</summary>
    public Task WriteAllAsync(IReadOnlyList<HistoryRow> rows, CancellationToken cancellationToken)
    {
        var done = new Task[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            done[i] = Enqueue(rows[i]);
        }

        return Task.WhenAll(done).WaitAsync(cancellationToken);
    }

    private Task Enqueue(HistoryRow row)
    {
        var pending = new Pending(row, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), Activity.Current?.Context);
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The history writer has stopped");
        }

        return pending.Done.Task;
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
            batch.ForEach(p => _ = p.Row.Payload);
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
        activity?.SetTag("whfb.history.rows", batch.Count);
        try
        {
            await writer.WriteAsync(batch.Select(p => p.Row).ToList(), stoppingToken);
            batch.ForEach(p => p.Done.TrySetResult());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, batch.Count, ex);
            batch.ForEach(p => p.Done.TrySetException(ex));
        }
    }

    private async Task FillAsync(List<Pending> batch, CancellationToken stoppingToken)
    {
        var max = options.Value.MaxBatchSize;
        using var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        window.CancelAfter(options.Value.BatchWindowMs);
        try
        {
            do
            {
                while (batch.Count < max && queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }
            }
            while (batch.Count < max && await queue.Reader.WaitToReadAsync(window.Token));
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // the window closed: write what we have
        }
    }

    private sealed record Pending(HistoryRow Row, TaskCompletionSource Done, ActivityContext? Trace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History batch of {Count} rows failed; the messages will be redelivered")]
    private static partial void LogFailed(ILogger logger, int count, Exception ex);
}
