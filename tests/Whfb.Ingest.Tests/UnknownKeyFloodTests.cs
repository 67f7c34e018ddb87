using System.Diagnostics.Metrics;
using System.Net;
using Whfb.Ingest.Security;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Tests;

/// <summary>Made-up collector keys cost no database query once their shape or their address gives them away.</summary>
/// <remarks>Alone: the lookup counter is process-wide, and other classes' collectors would add to it.</remarks>
[Collection(Alone.Name)]
public sealed class UnknownKeyFloodTests(UnknownKeyFloodTests.Host host) : IClassFixture<UnknownKeyFloodTests.Host>, IDisposable
{
    private readonly MeterListener listener = new();
    private long lookups;

    public sealed class Host : IngestHost
    {
        protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>
        {
            ["Ingest:UnknownKeysPerSecondPerAddress"] = "1",
            ["Ingest:UnknownKeyBurstPerAddress"] = "5",
            ["Ingest:CollectorKeyCacheTtl"] = "00:10:00",
        };
    }

    [Fact]
    public async Task Keys_of_the_wrong_shape_are_refused_without_a_lookup()
    {
        Listen();
        foreach (var key in new[] { "whfbc_short", "x", new string('a', 5000), "whfbc_" + new string('!', 43), "adm_" + new string('a', 43) })
        {
            var response = await host.Client("Bearer", key).PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 1)]));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(0, Interlocked.Read(ref lookups));
    }

    [Fact]
    public async Task A_flood_of_well_formed_unknown_keys_is_cut_off_while_known_keys_keep_working()
    {
        var created = await host.CreateKeyAsync(IngestHost.TenantA);
        var fleet = host.Client("Bearer", created.Key);
        Assert.Equal(HttpStatusCode.Accepted, (await fleet.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 1)]))).StatusCode);
        Listen();

        for (var i = 0; i < 60; i++)
        {
            var response = await host.Client("Bearer", ApiKeyHasher.NewKey(CollectorKeyStore.KeyPrefix))
                .PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 1)]));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.InRange(Interlocked.Read(ref lookups), 5, 15);
        Assert.Equal(HttpStatusCode.Accepted, (await fleet.PostAsync("/v1/events", CollectorBodies.Ndjson([CollectorBodies.Record(Guid.NewGuid(), 2)]))).StatusCode);
    }

    [Fact]
    public void The_cache_forgets_the_least_recently_used_entry_first()
    {
        var cache = new LruCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("b", 2);
        Assert.True(cache.TryGet("a", out _));
        cache.Set("c", 3);

        Assert.True(cache.TryGet("a", out var a) && a == 1);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(2, cache.Count);
    }

    public void Dispose() => listener.Dispose();

    private void Listen()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "whfb.ingest.collector_key.lookups")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref lookups, value));
        listener.Start();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "ingest-alone";
}
