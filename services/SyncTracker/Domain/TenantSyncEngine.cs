using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Domain.Engine;

namespace Whfb.SyncTracker.Domain;

/// <summary>
/// The correlation engine and per-key state machine of one tenant: pure, in memory, driven by observations from
/// Entra ID and AD and by <see cref="Evaluate"/> on a clock. Every change and event is collected for
/// <see cref="TakeChanges"/>, which the caller saves (rows and outbox) in one transaction.
/// </summary>
/// <remarks>
/// A façade: the tenant's data is one <see cref="TenantSyncState"/>, every key state change and key event goes through
/// <see cref="KeyLifecycle"/>, and each input source has its collaborator (Entra, AD, lookups, Graph planning, the clock),
/// so the callers keep one object per tenant while each rule lives in one small class.
/// </remarks>
public sealed class TenantSyncEngine
{
    private readonly TenantSyncState _state;
    private readonly KeyLifecycle _lifecycle;
    private readonly StuckDiagnosis _diagnosis;
    private readonly PipelineMonitor _pipeline;
    private readonly GraphConfirmation _confirmation;
    private readonly DirectoryMonitor _directory;
    private readonly EntraCorrelation _entra;
    private readonly AdCorrelation _ad;
    private readonly AdLookupPlanner _lookups;
    private readonly GraphListingPlan _listing;
    private readonly ThresholdClock _clock;

    public TenantSyncEngine(Guid tenantId, SyncThresholds thresholds, TimeProvider time)
    {
        _state = new TenantSyncState(tenantId, thresholds, time);
        _lifecycle = new KeyLifecycle(_state);
        _diagnosis = new StuckDiagnosis(_state);
        _pipeline = new PipelineMonitor(_state, _diagnosis);
        _confirmation = new GraphConfirmation(_state);
        _directory = new DirectoryMonitor(_state);
        var pairing = new KeyPairing(_state, _lifecycle, _pipeline);
        _entra = new EntraCorrelation(_state, _lifecycle, pairing, new KeyMerger(_state, pairing));
        _ad = new AdCorrelation(_state, _lifecycle, pairing, _diagnosis);
        _lookups = new AdLookupPlanner(_state, _ad, _diagnosis);
        _listing = new GraphListingPlan(_state);
        _clock = new ThresholdClock(_state, _lifecycle, _pipeline, _diagnosis, _confirmation, _directory);
    }

    public Guid TenantId => _state.TenantId;

    public SyncThresholds Thresholds => _state.Thresholds;

    public DateTimeOffset Now => _state.Now;

    /// <summary>
    /// The tenant's keys are listed by Graph (the inventory is on for it). Then nothing is concluded from what the service
    /// has not looked at: a waiting key is called stuck only once a listing asked after it waited one cycle still showed
    /// it, and an AD value no Entra key claims is called orphaned only once Graph was asked after the value appeared. When
    /// listings are late (a small throttling budget, a missing permission) the verdict waits instead of guessing.
    /// </summary>
    public bool ConfirmsWithGraph { get => _state.ConfirmsWithGraph; init => _state.ConfirmsWithGraph = value; }

    public PipelineState Pipeline => _state.Pipeline;

    public DirectoryState Directory => _state.Directory;

    public IEnumerable<TrackedKey> Keys => _state.Keys.All;

    public int WaitingCount => _state.Keys.Waiting.Count;

    public int StuckCount => _state.Keys.Waiting.Count(k => k.State == KeyState.Stuck);

    /// <inheritdoc cref="DirectoryMonitor.AdObservationCurrent"/>
    public bool AdObservationCurrent => _directory.AdObservationCurrent;

    /// <summary>The lifecycle moves this engine's keys took so far: tests prove with it that every transition is reachable.</summary>
    internal IReadOnlySet<KeyTransition> TransitionsTaken => _lifecycle.Taken;

    /// <summary>Restores state saved earlier (after a restart); raises nothing.</summary>
    public void Load(
        IEnumerable<EntraUser> entraUsers, IEnumerable<AdUser> adUsers, IEnumerable<AdLookup> adLookups, IEnumerable<TrackedKey> keys,
        PipelineState? pipeline, DirectoryState? directory = null)
    {
        foreach (var user in entraUsers)
        {
            _state.Users.Put(user);
        }

        foreach (var user in adUsers)
        {
            _state.Users.Put(user);
        }

        foreach (var lookup in adLookups)
        {
            _state.Users.Put(lookup);
        }

        foreach (var key in keys)
        {
            _state.Keys.Add(key);
        }

        _state.Pipeline = pipeline ?? _state.Pipeline;
        _state.Directory = directory ?? _state.Directory;
        _pipeline.RebuildExportFlow();
    }

    /// <summary>The changes since the last call; the engine starts collecting anew.</summary>
    public SyncChanges TakeChanges() => _state.TakeChanges();

    public TrackedKey? Find(Guid keyId) => _state.Keys.Get(keyId);

    public IReadOnlyList<TrackedKey> KeysOfEntraUser(Guid userId) => _state.Keys.OfEntraUser(userId);

    /// <summary>AD objectGUIDs of users with keys waiting for AD: a scan that sees them without values reports a smell.</summary>
    public IReadOnlyCollection<Guid> ExpectedKeyHolders() =>
        [.. _state.Keys.Waiting
            .Select(_state.EntraUserOf)
            .Select(u => u is null ? null : _state.Users.AdUserOf(u)?.ObjectGuid ?? u.OnPremisesObjectGuid)
            .OfType<Guid>()
            .Distinct()];

    // The clock.

    /// <inheritdoc cref="ThresholdClock"/>
    public void Evaluate() => _clock.Evaluate();

    /// <inheritdoc cref="StuckDiagnosis.Hints"/>
    public List<StuckKeyHint> Hints(TrackedKey key) => _diagnosis.Hints(key);

    // Entra ID (device events, Graph).

    /// <inheritdoc cref="EntraCorrelation.ObserveEntraUser"/>
    public void ObserveEntraUser(EntraUserObservation observation) => _entra.ObserveEntraUser(observation);

    /// <inheritdoc cref="EntraCorrelation.ObserveEntraKey"/>
    public TrackedKey ObserveEntraKey(EntraKeyObservation observation) => _entra.ObserveEntraKey(observation);

    /// <inheritdoc cref="EntraCorrelation.ObserveEntraKeyRemoved"/>
    public void ObserveEntraKeyRemoved(Guid userId, Guid? deviceId, string? entraKeyId, bool deviceDeleted) =>
        _entra.ObserveEntraKeyRemoved(userId, deviceId, entraKeyId, deviceDeleted);

    /// <inheritdoc cref="EntraCorrelation.ObserveEntraKeyInventory"/>
    public void ObserveEntraKeyInventory(Guid userId, IReadOnlyList<EntraKeyObservation> listed, DateTimeOffset cutoff, DateTimeOffset? listedAt = null) =>
        _entra.ObserveEntraKeyInventory(userId, listed, cutoff, listedAt);

    /// <inheritdoc cref="PipelineMonitor.ObserveOnPremisesSync"/>
    public void ObserveOnPremisesSync(bool? enabled, DateTimeOffset? lastSync) => _pipeline.ObserveOnPremisesSync(enabled, lastSync);

    /// <inheritdoc cref="GraphConfirmation.ObserveUsersListed"/>
    public void ObserveUsersListed(DateTimeOffset since) => _confirmation.ObserveUsersListed(since);

    /// <inheritdoc cref="GraphConfirmation.KeysListedAt"/>
    public DateTimeOffset? KeysListedAt(Guid userId) => _confirmation.KeysListedAt(userId);

    /// <inheritdoc cref="GraphConfirmation.UsersWithUnconfirmedAdValues"/>
    public IReadOnlyCollection<Guid> UsersWithUnconfirmedAdValues() => _confirmation.UsersWithUnconfirmedAdValues();

    /// <inheritdoc cref="GraphListingPlan.UsersDescribedByGraph"/>
    public IReadOnlyCollection<Guid> UsersDescribedByGraph() => _listing.UsersDescribedByGraph();

    /// <inheritdoc cref="GraphListingPlan.UsersWithPendingKeys"/>
    public IReadOnlyCollection<Guid> UsersWithPendingKeys() => _listing.UsersWithPendingKeys();

    /// <inheritdoc cref="GraphListingPlan.UsersWithEntraKeys"/>
    public IReadOnlyCollection<Guid> UsersWithEntraKeys() => _listing.UsersWithEntraKeys();

    /// <inheritdoc cref="GraphListingPlan.KeysNeedingDevice"/>
    public IReadOnlyList<string> KeysNeedingDevice(Guid userId, IReadOnlyList<EntraKeyObservation> listed) => _listing.KeysNeedingDevice(userId, listed);

    // Active Directory (scans, lookups by anchor, the directory's health).

    /// <inheritdoc cref="AdCorrelation.ObserveAdUser"/>
    public void ObserveAdUser(AdUserObservation observation) => _ad.ObserveAdUser(observation);

    /// <inheritdoc cref="AdCorrelation.ObserveAttributeUnreadable"/>
    public void ObserveAttributeUnreadable(Guid objectGuid, string? distinguishedName, bool adminSdHolderProtected) =>
        _ad.ObserveAttributeUnreadable(objectGuid, distinguishedName, adminSdHolderProtected);

    /// <inheritdoc cref="AdCorrelation.CompleteFullScan"/>
    public void CompleteFullScan(IReadOnlySet<Guid> seenWithValues) => _ad.CompleteFullScan(seenWithValues);

    /// <inheritdoc cref="AdLookupPlanner.TakeAdLookups"/>
    public IReadOnlyList<AdLookupRequest> TakeAdLookups(int max) => _lookups.TakeAdLookups(max);

    /// <inheritdoc cref="AdLookupPlanner.ObserveLookedUpAdUser"/>
    public void ObserveLookedUpAdUser(AdUserObservation observation) => _lookups.ObserveLookedUpAdUser(observation);

    /// <inheritdoc cref="AdLookupPlanner.ObserveAbsentFromAd"/>
    public void ObserveAbsentFromAd(AdLookupRequest request) => _lookups.ObserveAbsentFromAd(request);

    /// <inheritdoc cref="DirectoryMonitor.ObserveDirectoryScanned"/>
    public void ObserveDirectoryScanned(string server, DateTimeOffset startedAt, TimeSpan validFor) =>
        _directory.ObserveDirectoryScanned(server, startedAt, validFor);

    /// <inheritdoc cref="DirectoryMonitor.ObserveDirectoryFailure"/>
    public void ObserveDirectoryFailure(IReadOnlyList<string> servers, string error, int episodeAfter) =>
        _directory.ObserveDirectoryFailure(servers, error, episodeAfter);
}
