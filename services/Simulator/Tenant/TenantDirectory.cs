namespace Whfb.Simulator.Tenant;

/// <summary>
/// The emulated tenant's users, devices and groups (thread-safe). Every user change takes the next change
/// sequence number so users/delta can answer "what changed since token N".
/// </summary>
public sealed class TenantDirectory
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, TenantUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TenantDevice> _devices = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TenantGroup> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.OrdinalIgnoreCase);
    private long _sequence;

    public long CurrentVersion
    {
        get
        {
            lock (_lock)
            {
                return _sequence;
            }
        }
    }

    public TenantUser PutUser(TenantUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_lock)
        {
            var stored = user with { Version = ++_sequence };
            _users[user.Id] = stored;
            return stored;
        }
    }

    public bool DeleteUser(string id)
    {
        lock (_lock)
        {
            if (!_users.TryGetValue(id, out var user) || user.Deleted)
            {
                return false;
            }

            _users[id] = user with { Deleted = true, Version = ++_sequence };
            return true;
        }
    }

    /// <summary>A live user by object id or userPrincipalName.</summary>
    public TenantUser? FindUser(string idOrUpn)
    {
        lock (_lock)
        {
            if (_users.TryGetValue(idOrUpn, out var byId))
            {
                return byId.Deleted ? null : byId;
            }

            return _users.Values.FirstOrDefault(u => !u.Deleted
                && string.Equals(u.UserPrincipalName, idOrUpn, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Live users in creation order.</summary>
    public IReadOnlyList<TenantUser> Users() => UsersChangedSince(0).Where(u => !u.Deleted).ToList();

    /// <summary>Users (including deleted ones) whose last change is after <paramref name="version"/>.</summary>
    public IReadOnlyList<TenantUser> UsersChangedSince(long version)
    {
        lock (_lock)
        {
            return _users.Values.Where(u => u.Version > version).OrderBy(u => u.Version).ToList();
        }
    }

    public TenantDevice PutDevice(TenantDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        lock (_lock)
        {
            _devices[device.Id] = device;
            return device;
        }
    }

    public TenantDevice? FindDevice(string id)
    {
        lock (_lock)
        {
            return _devices.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<TenantDevice> Devices()
    {
        lock (_lock)
        {
            return _devices.Values.ToList();
        }
    }

    public TenantGroup PutGroup(TenantGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        lock (_lock)
        {
            _groups[group.Id] = group;
            _members.TryAdd(group.Id, []);
            return group;
        }
    }

    public TenantGroup? FindGroup(string id)
    {
        lock (_lock)
        {
            return _groups.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<TenantGroup> Groups()
    {
        lock (_lock)
        {
            return _groups.Values.ToList();
        }
    }

    /// <summary>Adds members (user, device or group ids) to a group; unknown group → false.</summary>
    public bool AddMembers(string groupId, params IEnumerable<string> memberIds)
    {
        lock (_lock)
        {
            if (!_members.TryGetValue(groupId, out var members))
            {
                return false;
            }

            members.AddRange(memberIds.Where(id => !members.Contains(id, StringComparer.OrdinalIgnoreCase)));
            return true;
        }
    }

    public IReadOnlyList<string> DirectMembers(string groupId)
    {
        lock (_lock)
        {
            return _members.TryGetValue(groupId, out var members) ? members.ToList() : [];
        }
    }

    /// <summary>Members of the group and of its nested groups (each once; nested groups included, cycles safe).</summary>
    public IReadOnlyList<string> TransitiveMembers(string groupId)
    {
        lock (_lock)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { groupId };
            var result = new List<string>();
            var pending = new Queue<string>([groupId]);
            while (pending.TryDequeue(out var current))
            {
                foreach (var member in _members.GetValueOrDefault(current) ?? [])
                {
                    if (seen.Add(member))
                    {
                        result.Add(member);
                        pending.Enqueue(member);
                    }
                }
            }

            return result;
        }
    }

    /// <summary>Whether the object is in the group directly or through nested groups.</summary>
    public bool IsTransitiveMember(string groupId, string memberId) =>
        TransitiveMembers(groupId).Contains(memberId, StringComparer.OrdinalIgnoreCase);
}
