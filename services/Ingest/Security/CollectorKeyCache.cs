using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.Ingest.Security;

/// <summary>
/// Remembers collector key lookups (found or not) for <see cref="IngestOptions.CollectorKeyCacheTtl"/>, so a busy
/// collector fleet does not hit the database per request; a revocation takes effect within that time. Keyed by the
/// key's hash, so no secret is kept in memory. Known keys and unknown ones live in separate bounded LRU caches, so a
/// flood of made-up keys evicts only other made-up keys, never the fleet's.
/// </summary>
public sealed class CollectorKeyCache(IServiceScopeFactory scopes, TimeProvider time, IOptions<IngestOptions> options)
{
    public const int MaxKnown = 100_000;
    public const int MaxUnknown = 10_000;

    private static readonly Counter<long> Lookups = WhfbTelemetry.Meter.CreateCounter<long>(
        "whfb.ingest.collector_key.lookups", description: "Collector key lookups that reached the database, by outcome (found, unknown)");

    private readonly LruCache<string, Entry> known = new(MaxKnown);
    private readonly LruCache<string, DateTimeOffset> unknown = new(MaxUnknown);

    /// <summary>The key's identity when cached; <c>Cached = false</c> when only the database can tell.</summary>
    public (bool Cached, CollectorIdentity? Identity) Peek(string keyHash)
    {
        var now = time.GetUtcNow();
        if (known.TryGet(keyHash, out var entry) && entry.ExpiresAt > now)
            return (true, entry.Identity);
        return unknown.TryGet(keyHash, out var until) && until > now ? (true, null) : (false, null);
    }

    public async Task<CollectorIdentity?> LookUpAsync(string keyHash, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<CollectorKeyStore>().FindActiveAsync(keyHash, ct);
        var expires = time.GetUtcNow() + options.Value.CollectorKeyCacheTtl;
        Lookups.Add(1, new KeyValuePair<string, object?>("outcome", key is null ? "unknown" : "found"));
        if (key is null)
        {
            unknown.Set(keyHash, expires);
            return null;
        }

        var identity = new CollectorIdentity(key.Id, key.TenantId, key.Name, key.Kind, key.DeviceId);
        known.Set(keyHash, new Entry(identity, expires));
        return identity;
    }

    private sealed record Entry(CollectorIdentity Identity, DateTimeOffset ExpiresAt);
}
