using Microsoft.Extensions.Time.Testing;
using Whfb.SyncTracker.Domain;
using Whfb.SyncTracker.Domain.Engine;

namespace Whfb.SyncTracker.Tests.Domain.Engine;

/// <summary>One tenant's state on a fake clock with the engine's collaborators wired as the façade wires them, to test each alone.</summary>
internal sealed class EngineParts
{
    public EngineParts(bool confirmsWithGraph = false)
    {
        State = new TenantSyncState(Guid.NewGuid(), new SyncThresholds(), Time) { ConfirmsWithGraph = confirmsWithGraph };
        Lifecycle = new KeyLifecycle(State);
        Diagnosis = new StuckDiagnosis(State);
        Pipeline = new PipelineMonitor(State, Diagnosis);
        Confirmation = new GraphConfirmation(State);
        Directory = new DirectoryMonitor(State);
        Pairing = new KeyPairing(State, Lifecycle, Pipeline);
        Merger = new KeyMerger(State, Pairing);
        Ad = new AdCorrelation(State, Lifecycle, Pairing, Diagnosis);
        Lookups = new AdLookupPlanner(State, Ad, Diagnosis);
    }

    public FakeTimeProvider Time { get; } = new(EngineScenario.Start);

    public TenantSyncState State { get; }

    public KeyLifecycle Lifecycle { get; }

    public StuckDiagnosis Diagnosis { get; }

    public PipelineMonitor Pipeline { get; }

    public GraphConfirmation Confirmation { get; }

    public DirectoryMonitor Directory { get; }

    public KeyPairing Pairing { get; }

    public KeyMerger Merger { get; }

    public AdCorrelation Ad { get; }

    public AdLookupPlanner Lookups { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>The events raised since the last call.</summary>
    public List<object> TakeEvents() => State.TakeChanges().Events;

    /// <summary>An Entra user, anchored to AD by objectGUID unless told otherwise, known to the state.</summary>
    public EntraUser EntraUser(Guid? objectGuid = null, bool describedByGraph = true)
    {
        var user = new EntraUser
        {
            TenantId = State.TenantId, UserId = Guid.NewGuid(), UserPrincipalName = "ada@whfb.test", OnPremisesObjectGuid = objectGuid,
            DescribedByGraph = describedByGraph,
        };
        State.Users.Put(user);
        return user;
    }

    /// <summary>The AD user the Entra user anchors to, known to the state.</summary>
    public AdUser AdUserOf(EntraUser user, bool adminSdHolderProtected = false)
    {
        var adUser = new AdUser { TenantId = State.TenantId, ObjectGuid = user.OnPremisesObjectGuid!.Value, AdminSdHolderProtected = adminSdHolderProtected };
        State.Users.Put(adUser);
        return adUser;
    }

    /// <summary>A key registered in Entra ID for the user at <paramref name="created"/> (now when not given), waiting for AD.</summary>
    public TrackedKey WaitingKey(EntraUser? user = null, DateTimeOffset? created = null, Guid? device = null)
    {
        var key = new TrackedKey
        {
            Id = Guid.NewGuid(), TenantId = State.TenantId, EntraUserId = user?.UserId, DeviceId = device, CreatedInEntraAt = created ?? Now,
        };
        Lifecycle.Registered(key);
        return key;
    }

    /// <summary>A key loaded in the given state (as after a restart), without going through the lifecycle.</summary>
    public TrackedKey LoadedKey(KeyState state)
    {
        var key = new TrackedKey
        {
            Id = Guid.NewGuid(), TenantId = State.TenantId, State = state, EntraUserId = Guid.NewGuid(), CreatedInEntraAt = Now,
            AdObjectGuid = Guid.NewGuid(), AdKeyId = "k", ObservedInAdAt = Now, UnmatchedSince = Now, StuckSince = Now,
        };
        State.Keys.Add(key);
        return key;
    }
}
