using Microsoft.Extensions.Time.Testing;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain;

/// <summary>One tenant's engine on a fake clock, with the events it raised so far and helpers to feed both sides.</summary>
public sealed class EngineScenario
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    /// <param name="confirmsWithGraph">The tenant's keys are listed by Graph (<see cref="TenantSyncEngine.ConfirmsWithGraph"/>).</param>
    public EngineScenario(SyncThresholds? thresholds = null, bool confirmsWithGraph = false)
    {
        Engine = new TenantSyncEngine(Tenant, thresholds ?? new SyncThresholds(), Time) { ConfirmsWithGraph = confirmsWithGraph };
    }

    public Guid Tenant { get; } = Guid.NewGuid();

    public FakeTimeProvider Time { get; } = new(Start);

    public TenantSyncEngine Engine { get; }

    public List<object> Events { get; } = [];

    public DateTimeOffset Now => Time.GetUtcNow();

    public IEnumerable<T> Raised<T>() => Events.OfType<T>();

    /// <summary>Moves the clock, evaluating every minute like the service's timer does.</summary>
    public void Advance(TimeSpan span) => Advance(span, () => { });

    /// <summary>Moves the clock; every minute the service scans, looks up the users the engine asks for in this AD, and evaluates.</summary>
    public void AdvanceWithLookups(TimeSpan span, params TestUser[] inAd) => Advance(span, () => AnswerLookups(inAd));

    /// <summary>What the service does after a scan: takes the engine's due lookups and answers them as an AD holding these users would.</summary>
    public IReadOnlyList<AdLookupRequest> AnswerLookups(params TestUser[] inAd)
    {
        var due = Engine.TakeAdLookups(100);
        foreach (var request in due)
        {
            if (inAd.FirstOrDefault(u => u.ObjectGuid == request.ObjectGuid || u.Sid == request.Sid) is { } user)
            {
                LookedUp(user);
            }
            else
            {
                Engine.ObserveAbsentFromAd(request);
            }
        }

        Collect();
        return due;
    }

    /// <summary>A lookup by anchor read the user with exactly these values.</summary>
    public void LookedUp(TestUser user, params AdKeyValue[] values)
    {
        Engine.ObserveLookedUpAdUser(user.Observation(values));
        Collect();
    }

    private void Advance(TimeSpan span, Action eachMinute)
    {
        var end = Now + span;
        while (Now < end)
        {
            Time.Advance(TimeSpan.FromMinutes(1) < end - Now ? TimeSpan.FromMinutes(1) : end - Now);
            eachMinute();
            Engine.Evaluate();
            Collect();
        }
    }

    public void Collect() => Events.AddRange(Engine.TakeChanges().Events);

    public TestUser NewUser(string name = "ada", bool adminCount = false) => new(this, name, adminCount);

    /// <summary>A user Graph described (anchored to AD by immutableId), without keys.</summary>
    public TestUser DescribedUser(string name = "ada")
    {
        var user = NewUser(name);
        Describe(user);
        return user;
    }

    /// <summary>A user Graph described (anchored to AD by immutableId) with one key registered now on a new device.</summary>
    public (TestUser User, Guid Device, TrackedKey Key) UserWithKey(string name = "ada")
    {
        var user = DescribedUser(name);
        var device = Guid.NewGuid();
        return (user, device, Register(user, device));
    }

    /// <summary>Graph describes the user with its on-prem anchor (immutableId by default, SID when asked).</summary>
    public void Describe(TestUser user, bool bySid = false, bool synced = true)
    {
        Engine.ObserveEntraUser(new EntraUserObservation(user.EntraId, user.Upn,
            synced && !bySid ? EntraUserObservation.ImmutableIdOf(user.ObjectGuid) : null, synced && bySid ? user.Sid : null));
        Collect();
    }

    public TrackedKey Register(TestUser user, Guid device, DateTimeOffset? created = null, string? entraKeyId = null)
    {
        var key = Engine.ObserveEntraKey(new EntraKeyObservation(user.EntraId, user.Upn, device, entraKeyId, null, created ?? Now));
        Collect();
        return key;
    }

    /// <summary>A key as Graph lists it: its id and creation time; the device only when a single GET looked it up.</summary>
    public static EntraKeyObservation Listed(TestUser user, string graphId, DateTimeOffset created, Guid? device = null) =>
        new(user.EntraId, null, device, graphId, null, created);

    /// <summary>A key as Graph's single GET with $expand=device answered for it: its device, or none (its device deleted).</summary>
    public static EntraKeyObservation LookedUp(TestUser user, string graphId, DateTimeOffset created, Guid? device) =>
        Listed(user, graphId, created, device) with { DeviceLookedUp = true };

    /// <summary>Graph's complete listing of the user's keys (listing lag 10 minutes), asked for now.</summary>
    public void List(TestUser user, params EntraKeyObservation[] keys)
    {
        Engine.ObserveEntraKeyInventory(user.EntraId, keys, Now - TimeSpan.FromMinutes(10), Now);
        Collect();
    }

    /// <summary>The device's event 300: its device id and key id, no Graph id.</summary>
    public TrackedKey DeviceEvent(TestUser user, Guid device, Guid deviceKeyId, DateTimeOffset created)
    {
        var key = Engine.ObserveEntraKey(new EntraKeyObservation(user.EntraId, user.Upn, device, null, deviceKeyId, created));
        Collect();
        return key;
    }

    /// <summary>Tracked keys with an Entra side (AD values no Entra key claims left out).</summary>
    public List<TrackedKey> EntraKeys => [.. Engine.Keys.Where(k => k.HasEntraSide)];

    /// <summary>A scan returns the user with exactly these values.</summary>
    public void Scan(TestUser user, params AdKeyValue[] values)
    {
        Engine.ObserveAdUser(user.Observation(values));
        Collect();
    }
}

public sealed record TestUser(EngineScenario Scenario, string Name, bool AdminCount)
{
    public Guid EntraId { get; } = Guid.NewGuid();

    public Guid ObjectGuid { get; } = Guid.NewGuid();

    public string Sid { get; } = $"S-1-5-21-1-2-3-{Random.Shared.Next(1000, 100000)}";

    public string Upn => $"{Name}@whfb.test";

    public string Dn => $"CN={Name},OU=Users,DC=whfb,DC=test";

    /// <summary>The user as AD returns it, with exactly these values.</summary>
    public AdUserObservation Observation(params AdKeyValue[] values) => new(ObjectGuid, Dn, Sid, Upn, AdminCount, values);

    /// <summary>The value Entra Connect writes for a key of this device created at that time.</summary>
    public static AdKeyValue Value(Guid device, DateTimeOffset created) =>
        new(Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()), device, created);
}
