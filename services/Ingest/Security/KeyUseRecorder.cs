using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Whfb.Ingest.Infrastructure;

namespace Whfb.Ingest.Security;

/// <summary>
/// When each collector key was last used, for the admin's listing: noted in memory per request, written to the
/// database in one statement every few seconds, and at most once per <see cref="IngestOptions.KeyLastUseInterval"/>
/// per key, so a fleet posting all day costs a handful of updates, not one per request.
/// </summary>
public sealed partial class KeyUseRecorder(IServiceScopeFactory scopes, TimeProvider time, IOptions<IngestOptions> options, ILogger<KeyUseRecorder> logger)
    : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);

    private readonly LruCache<Guid, DateTimeOffset> written = new(CollectorKeyCache.MaxKnown);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> due = new();

    public void Used(Guid keyId)
    {
        var now = time.GetUtcNow();
        if (!written.TryGet(keyId, out var last) || now - last >= options.Value.KeyLastUseInterval)
            due[keyId] = now;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: what is due is written below
        }

        await FlushAsync(CancellationToken.None);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        var batch = due.Keys.Select(id => due.TryRemove(id, out var at) ? (Id: id, At: at) : default).Where(u => u.Id != Guid.Empty).ToList();
        if (batch.Count == 0)
            return;
        batch.ForEach(u => written.Set(u.Id, u.At));
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IngestDbContext>();
            var (ids, ats) = (batch.ConvertAll(u => u.Id), batch.ConvertAll(u => u.At));
            await db.Database.ExecuteSqlAsync($"""
                UPDATE collector_keys k SET last_used_at = u.at FROM unnest({ids}, {ats}) AS u(id, at)
                WHERE k.id = u.id AND (k.last_used_at IS NULL OR k.last_used_at < u.at)
                """, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The next use after the interval is noted again; a lost write only leaves an older time in the listing.
            LogFlushFailed(logger, batch.Count, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the last use of {Count} collector keys failed")]
    private static partial void LogFlushFailed(ILogger logger, int count, Exception error);
}
