namespace Whfb.Directory.Ldap;

/// <summary>A baseline held in memory; <see cref="Apply"/> each page after processing it.</summary>
public sealed class InMemoryKeyCredentialBaseline : IKeyCredentialBaseline
{
    private readonly Dictionary<Guid, IReadOnlyCollection<string>> _values = [];

    public int Count => _values.Count;

    public IReadOnlyCollection<string> this[Guid objectGuid] =>
        _values.TryGetValue(objectGuid, out var values) ? values : [];

    public ValueTask<IReadOnlyDictionary<Guid, IReadOnlyCollection<string>>> GetValuesAsync(
        IReadOnlyCollection<Guid> objectGuids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objectGuids);
        var found = new Dictionary<Guid, IReadOnlyCollection<string>>();
        foreach (var guid in objectGuids)
        {
            if (_values.TryGetValue(guid, out var values))
            {
                found[guid] = values;
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<Guid, IReadOnlyCollection<string>>>(found);
    }

    /// <summary>Records the current values of every user in the page (users without values are forgotten).</summary>
    public void Apply(KeyScanPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        foreach (var user in page.Users)
        {
            if (user.Values.Count == 0)
            {
                _values.Remove(user.ObjectGuid);
            }
            else
            {
                _values[user.ObjectGuid] = user.Values.Select(v => v.Raw).ToArray();
            }
        }
    }
}
