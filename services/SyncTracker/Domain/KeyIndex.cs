namespace Whfb.SyncTracker.Domain;

/// <summary>
/// The engine's keys by id, by Entra user and by AD user, plus the waiting and unmatched sets the clock visits. A user's
/// keys are an exact-size array (most users hold one or two keys; a list per user and index would cost 72 bytes each).
/// </summary>
internal sealed class KeyIndex
{
    private readonly Dictionary<Guid, TrackedKey> _byId = [];
    private readonly Dictionary<Guid, TrackedKey[]> _byEntraUser = [];
    private readonly Dictionary<Guid, TrackedKey[]> _byAdUser = [];

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

    public IReadOnlyList<TrackedKey> OfEntraUser(Guid userId) => _byEntraUser.TryGetValue(userId, out var keys) ? keys : [];

    public IReadOnlyList<TrackedKey> OfAdUser(Guid objectGuid) => _byAdUser.TryGetValue(objectGuid, out var keys) ? keys : [];

    private static void Link(Dictionary<Guid, TrackedKey[]> index, Guid? id, TrackedKey key)
    {
        if (id is not { } value)
        {
            return;
        }

        if (!index.TryGetValue(value, out var keys))
        {
            index[value] = [key];
        }
        else if (Array.IndexOf(keys, key) < 0)
        {
            index[value] = [.. keys, key];
        }
    }

    private static void Unlink(Dictionary<Guid, TrackedKey[]> index, Guid? id, TrackedKey key)
    {
        if (id is not { } value || !index.TryGetValue(value, out var keys) || Array.IndexOf(keys, key) < 0)
        {
            return;
        }

        if (keys.Length == 1)
        {
            index.Remove(value);
        }
        else
        {
            index[value] = [.. keys.Where(k => k != key)];
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
