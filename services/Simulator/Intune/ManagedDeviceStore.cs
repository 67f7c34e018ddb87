namespace Whfb.Simulator.Intune;

/// <summary>Intune's managed devices (thread-safe), in enrolment order.</summary>
public sealed class ManagedDeviceStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ManagedDevice> _devices = new(StringComparer.OrdinalIgnoreCase);

    public ManagedDevice Put(ManagedDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        lock (_lock)
        {
            _devices[device.Id] = device;
            return device;
        }
    }

    public IReadOnlyList<ManagedDevice> All()
    {
        lock (_lock)
        {
            return [.. _devices.Values];
        }
    }

    public ManagedDevice? Find(string id)
    {
        lock (_lock)
        {
            return _devices.GetValueOrDefault(id);
        }
    }

    /// <summary>The devices whose primary user this is (users/{id}/managedDevices).</summary>
    public IReadOnlyList<ManagedDevice> OfUser(string userId)
    {
        lock (_lock)
        {
            return [.. _devices.Values.Where(d => string.Equals(d.UserId, userId, StringComparison.OrdinalIgnoreCase))];
        }
    }
}
