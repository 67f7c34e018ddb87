namespace Whfb.Ingest.Security;

/// <summary>
/// A bounded map that forgets the least recently used entry first, so a flood of new keys pushes out only other
/// rarely used ones instead of the whole cache.
/// </summary>
public sealed class LruCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> index = [];
    private readonly LinkedList<(TKey Key, TValue Value)> order = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return index.Count;
            }
        }
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (gate)
        {
            if (index.TryGetValue(key, out var node))
            {
                order.Remove(node);
                order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        lock (gate)
        {
            if (index.Remove(key, out var old))
            {
                order.Remove(old);
            }
            else if (index.Count >= capacity && order.Last is { } last)
            {
                order.RemoveLast();
                index.Remove(last.Value.Key);
            }

            index[key] = order.AddFirst((key, value));
        }
    }
}
