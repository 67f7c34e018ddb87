namespace Whfb.SyncTracker.Domain;

/// <summary>
/// The correlation engine and per-key state machine of one tenant: pure, in memory, driven by observations from
/// Entra ID and AD and by <see cref="Evaluate"/> on a clock. Every change and event is collected for
/// <see cref="TakeChanges"/>, which the caller saves (rows and outbox) in one transaction.
/// </summary>
public sealed partial class TenantSyncEngine(Guid tenantId, SyncThresholds thresholds, TimeProvider time)
{
    private readonly KeyIndex _keys = new();
    private readonly UserDirectory _users = new();
    private PipelineState _pipeline = new() { TenantId = tenantId };
    private SyncChanges _changes = new();

    public Guid TenantId { get; } = tenantId;

    public SyncThresholds Thresholds { get; } = thresholds;

    public PipelineState Pipeline => _pipeline;

    public IEnumerable<TrackedKey> Keys => _keys.All;

    public int WaitingCount => _keys.Waiting.Count;

    public int StuckCount => _keys.Waiting.Count(k => k.State == KeyState.Stuck);

    /// <summary>Restores state saved earlier (after a restart); raises nothing.</summary>
    public void Load(
        IEnumerable<EntraUser> entraUsers, IEnumerable<AdUser> adUsers, IEnumerable<AdLookup> adLookups, IEnumerable<TrackedKey> keys,
        PipelineState? pipeline, DirectoryState? directory = null)
    {
        foreach (var user in entraUsers)
        {
            _users.Put(user);
        }

        foreach (var user in adUsers)
        {
            _users.Put(user);
        }

        foreach (var lookup in adLookups)
        {
            _users.Put(lookup);
        }

        foreach (var key in keys)
        {
            _keys.Add(key);
        }

        foreach (var key in _keys.All.Where(k => k.State.IsInAd()).OrderBy(k => k.ObservedInAdAt))
        {
            RecordExport(key);
        }

        _pipeline = pipeline ?? _pipeline;
        LoadDirectory(directory);
    }

    public DateTimeOffset Now => time.GetUtcNow();

    public TrackedKey? Find(Guid keyId) => _keys.Get(keyId);

    /// <summary>AD objectGUIDs of users with keys waiting for AD: a scan that sees them without values reports a smell.</summary>
    public IReadOnlyCollection<Guid> ExpectedKeyHolders() =>
        [.. _keys.Waiting
            .Select(EntraUserOf)
            .Select(u => u is null ? null : _users.AdUserOf(u)?.ObjectGuid ?? u.OnPremisesObjectGuid)
            .OfType<Guid>()
            .Distinct()];

    public IReadOnlyList<TrackedKey> KeysOfEntraUser(Guid userId) => _keys.OfEntraUser(userId);

    /// <summary>The changes since the last call; the engine starts collecting anew.</summary>
    public SyncChanges TakeChanges()
    {
        var changes = _changes;
        _changes = new SyncChanges();
        return changes;
    }

    private EntraUser? EntraUserOf(TrackedKey key) => key.EntraUserId is { } id ? _users.Entra(id) : null;

    private void SetState(TrackedKey key, KeyState state)
    {
        key.State = state;
        _keys.Reclassify(key);
        _changes.Keys.Add(key);
    }

    private void Emit(object message) => _changes.Events.Add(message);
}
