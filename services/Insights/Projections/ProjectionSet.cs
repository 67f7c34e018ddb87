namespace Whfb.Insights.Projections;

/// <summary>
/// The projection states a batch touches (loaded before, saved after) and the rollup deltas it produces.
/// Applying is pure: no I/O, so the rules are unit-tested without a database.
/// </summary>
public sealed class ProjectionSet
{
    public Dictionary<(Guid Tenant, Guid Device), DeviceState> Devices { get; } = [];
    public Dictionary<(Guid Tenant, Guid User, Guid Device), KeyState> Keys { get; } = [];
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
        }

        state.UpdatedAt = Max(state.UpdatedAt, at);
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
