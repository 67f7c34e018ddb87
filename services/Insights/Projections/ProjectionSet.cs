namespace Whfb.Insights.Projections;

/// <summary>
/// The projection states a batch touches (loaded before, saved after) and the rollup deltas it produces.
/// Applying is pure: no I/O, so the rules are unit-tested without a database.
/// </summary>
public sealed class ProjectionSet
{
    public Dictionary<(Guid Tenant, Guid Device), DeviceState> Devices { get; } = [];
    public Dictionary<(Guid Tenant, Guid User, Guid Device), KeyState> Keys { get; } = [];

    /// <summary>Key rows folded into another row (a key whose device became known): deleted when the batch is saved.</summary>
    public HashSet<(Guid Tenant, Guid User, Guid Device)> FoldedKeys { get; } = [];

    /// <summary>Key rows a batch may fold away (<see cref="TakeKey"/>): loaded with the rows it touches, wherever they exist.</summary>
    public HashSet<(Guid Tenant, Guid User, Guid Device)> FoldCandidates { get; } = [];
    public Dictionary<(Guid Tenant, Guid Rollout, int Ring), RingState> Rings { get; } = [];
    public RollupDeltas Deltas { get; } = new();

    public DeviceState Device(Guid tenant, Guid device, DateTimeOffset at)
    {
        if (!Devices.TryGetValue((tenant, device), out var state))
        {
            state = new DeviceState { TenantId = tenant, DeviceId = device };
            Devices[(tenant, device)] = state;
        }

        state.UpdatedAt = Max(state.UpdatedAt, at);
        return state;
    }

    public KeyState Key(Guid tenant, Guid user, Guid? device, DateTimeOffset at)
    {
        var id = (tenant, user, device ?? Guid.Empty);
        if (!Keys.TryGetValue(id, out var state))
        {
            state = new KeyState { TenantId = tenant, UserId = user, DeviceId = device ?? Guid.Empty };
            Keys[id] = state;
            FoldedKeys.Remove(id);
        }

        state.UpdatedAt = Max(state.UpdatedAt, at);
        return state;
    }

    /// <summary>
    /// Takes the key row (tenant, user, identity) out of the set to fold it into another, when it is loaded (or made by
    /// an earlier row of the batch) and <paramref name="belongs"/>: it is deleted when the batch is saved. Either way the
    /// row is remembered as a candidate, so that the load before the batch is applied fetches it.
    /// </summary>
    public KeyState? TakeKey(Guid tenant, Guid user, Guid identity, Func<KeyState, bool> belongs)
    {
        var id = (tenant, user, identity);
        FoldCandidates.Add(id);
        if (!Keys.TryGetValue(id, out var state) || !belongs(state))
        {
            return null;
        }

        Keys.Remove(id);
        FoldedKeys.Add(id);
        return state;
    }

    public RingState Ring(Guid tenant, Guid rollout, int? ring, string name, DateTimeOffset at)
    {
        var id = (tenant, rollout, ring ?? -1);
        if (!Rings.TryGetValue(id, out var state))
        {
            state = new RingState { TenantId = tenant, RolloutId = rollout, RingIndex = ring ?? -1 };
            Rings[id] = state;
        }

        state.RolloutName = name;
        state.UpdatedAt = Max(state.UpdatedAt, at);
        return state;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
