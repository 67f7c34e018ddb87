using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Whfb.Ingest.Security;

/// <summary>
/// Remembers collector key lookups (found or not) for <see cref="IngestOptions.CollectorKeyCacheTtl"/>, so a busy
/// collector fleet does not hit the database per request; a revocation takes effect within that time. Keyed by the
/// key's hash, so no secret is kept in memory. Bounded: past <see cref="MaxEntries"/> it starts afresh.
/// </summary>
public sealed class CollectorKeyCache(IServiceScopeFactory scopes, TimeProvider time, IOptions<IngestOptions> options)
{
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async Task<CollectorIdentity?> FindAsync(string keyHash, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (entries.TryGetValue(keyHash, out var cached) && cached.ExpiresAt > now)
            return cached.Identity;

        await using var scope = scopes.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<CollectorKeyStore>().FindActiveAsync(keyHash, ct);
        var identity = key is null ? null : new CollectorIdentity(key.Id, key.TenantId, key.Name);
        if (entries.Count >= MaxEntries)
            entries.Clear();
        entries[keyHash] = new Entry(identity, now + options.Value.CollectorKeyCacheTtl);
        return identity;
    }

    private sealed record Entry(CollectorIdentity? Identity, DateTimeOffset ExpiresAt);
}
