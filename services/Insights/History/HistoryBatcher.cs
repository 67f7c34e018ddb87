using System.Diagnostics;
using System.Threading.Channels;
using Npgsql;
using Microsoft.Extensions.Options;
using Whfb.Insights.Model;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.Insights.History;

/// <summary>
/// Gathers the rows of many concurrently consumed messages into one transaction (up to
/// <see cref="InsightsOptions.MaxBatchSize"/> rows or <see cref="InsightsOptions.BatchWindowMs"/>), so one message
/// per event still writes in batches. A consumer's task completes only after its rows' batch committed, so the
/// broker acknowledgement follows the commit (at-least-once, and the history write is idempotent). A batch holds many
/// messages and tenants, so an event the history cannot take must not fail it: events outside the history's window are
/// rejected before the write, and a batch the database refuses for its data is split until the refused events stand
/// alone and are rejected (<see cref="HistoryQuarantine"/>), while every other event is written.
/// </summary>
public sealed partial class HistoryBatcher(
    HistoryBatchWriter writer, HistoryWindow window, HistoryQuarantine quarantine, IOptions<InsightsOptions> options, ILogger<HistoryBatcher> logger)
    : BackgroundService
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
            var (inside, outside) = window.Split(rows);
            await quarantine.AddAsync(outside, "window", window.Reason, stoppingToken);
            await WriteIsolatingAsync(inside, stoppingToken);
            batch.ForEach(p => p.Done.TrySetResult());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, rows.Count, ex);
            batch.ForEach(p => p.Done.TrySetException(ex));
        }
    }

    /// <summary>
    /// Writes the rows; when the database refuses them for their data, writes each half on its own, down to single
    /// rows, which are rejected with the database's reason. Any other failure (the database unreachable) fails the whole
    /// batch, to be redelivered.
    /// </summary>
    private async Task WriteIsolatingAsync(IReadOnlyList<HistoryRow> rows, CancellationToken stoppingToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        try
        {
            await writer.WriteAsync(rows, stoppingToken);
        }
        catch (PostgresException ex) when (HistoryQuarantine.IsDataError(ex))
        {
            if (rows.Count == 1)
            {
                await quarantine.AddAsync(rows, "data", _ => $"PostgreSQL refused it: {ex.SqlState} {ex.MessageText}", stoppingToken);
                return;
            }

            LogIsolating(logger, rows.Count, ex.SqlState);
            var half = rows.Count / 2;
            await WriteIsolatingAsync(rows.Take(half).ToList(), stoppingToken);
            await WriteIsolatingAsync(rows.Skip(half).ToList(), stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "History write of {Count} rows refused for its data ({SqlState}); writing its halves apart")]
    private static partial void LogIsolating(ILogger logger, int count, string sqlState);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History batch of {Count} rows failed; the messages will be redelivered")]
    private static partial void LogFailed(ILogger logger, int count, Exception ex);
}
