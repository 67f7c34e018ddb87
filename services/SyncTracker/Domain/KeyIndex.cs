namespace Whfb.SyncTracker.Domain;

/// <summary>The engine's keys by id, by Entra user and by AD user, plus the waiting and unmatched sets the clock visits.</summary>
internal sealed class KeyIndex
{
    private readonly Dictionary<Guid, TrackedKey> _byId = [];
    private readonly Dictionary<Guid, List<TrackedKey>> _byEntraUser = [];
    private readonly Dictionary<Guid, List<TrackedKey>> _byAdUser = [];

    public HashSet<TrackedKey> Waiting { get; } = [];

    public HashSet<TrackedKey> Unmatched { get; } = [];

    public IEnumerable<TrackedKey> All => _byId.Values;

    public IEnumerable<Guid> AdUsersWithKeys => _byAdUser.Keys;

    public TrackedKey? Get(Guid id) => _byId.GetValueOrDefault(id);

    public void Add(TrackedKey key)
    {
        _byId[key.Id] = key;
        LinkEntraUser(key);
        LinkAdUser(key);
        Reclassify(key);
    }

    public void Remove(TrackedKey key)
    {
        _byId.Remove(key.Id);
        Unlink(_byEntraUser, key.EntraUserId, key);
        Unlink(_byAdUser, key.AdObjectGuid, key);
        Waiting.Remove(key);
        Unmatched.Remove(key);
    }

    public void LinkEntraUser(TrackedKey key) => Link(_byEntraUser, key.EntraUserId, key);

    public void LinkAdUser(TrackedKey key) => Link(_byAdUser, key.AdObjectGuid, key);

    public void Reclassify(TrackedKey key)
    {
        Toggle(Waiting, key, key.State.IsWaiting());
        Toggle(Unmatched, key, key.State == KeyState.Unmatched);
    }

    public IReadOnlyList<TrackedKey> OfEntraUser(Guid userId) => _byEntraUser.TryGetValue(userId, out var list) ? list : [];

    public IReadOnlyList<TrackedKey> OfAdUser(Guid objectGuid) => _byAdUser.TryGetValue(objectGuid, out var list) ? list : [];

    private static void Link(Dictionary<Guid, List<TrackedKey>> index, Guid? id, TrackedKey key)
    {
        if (id is not { } value)
        {
            return;
        }

        if (!index.TryGetValue(value, out var list))
        {
            index[value] = list = new List<TrackedKey>(2);
        }

        if (!list.Contains(key))
        {
            list.Add(key);
        }
    }

    private static void Unlink(Dictionary<Guid, List<TrackedKey>> index, Guid? id, TrackedKey key)
    {
        if (id is { } value && index.TryGetValue(value, out var list) && list.Remove(key) && list.Count == 0)
        {
            index.Remove(value);
        }
    }

    private static void Toggle(HashSet<TrackedKey> set, TrackedKey key, bool member)
    {
        if (member)
        {
            set.Add(key);
        }
        else
        {
            set.Remove(key);
        }
    }
}
