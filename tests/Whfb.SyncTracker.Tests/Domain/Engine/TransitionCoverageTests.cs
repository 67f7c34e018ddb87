using Whfb.SyncTracker.Domain;
using Whfb.SyncTracker.Domain.Engine;

namespace Whfb.SyncTracker.Tests.Domain.Engine;

/// <summary>
/// Every row of <see cref="KeyLifecycle.Transitions"/> is taken by some flow through the engine's public API: a row no
/// flow reaches is dead (or a flow is missing here), and the test names it.
/// </summary>
public sealed class TransitionCoverageTests
{
    private static readonly TimeSpan Cycle = TimeSpan.FromMinutes(30);

    [Fact]
    public void The_engine_flows_take_every_transition_of_the_table()
    {
        var taken = new HashSet<KeyTransition>();
        foreach (var flow in Flows)
        {
            var s = new EngineScenario();
            flow(s);
            taken.UnionWith(s.Engine.TransitionsTaken);
        }

        Assert.Empty(KeyLifecycle.Transitions.Except(taken));
    }

    private static IEnumerable<Action<EngineScenario>> Flows =>
    [
        // Synced, deleted in Entra while in AD, orphaned after the grace, then its value leaves AD.
        s =>
        {
            var (ada, device, key) = s.UserWithKey();
            s.Scan(ada, TestUser.Value(device, EngineScenario.Start));
            s.Engine.ObserveEntraKeyRemoved(ada.EntraId, device, null, deviceDeleted: false);
            s.Advance(Cycle * 2);
            Assert.Equal(KeyState.Orphaned, key.State);
            s.Scan(ada);
        },

        // Stuck, recovered, deleted in Entra while in AD.
        s =>
        {
            var (ada, device, key) = s.UserWithKey();
            s.Advance(Cycle * 3);
            s.Scan(ada, TestUser.Value(device, EngineScenario.Start));
            Assert.Equal(KeyState.Recovered, key.State);
            s.Engine.ObserveEntraKeyRemoved(ada.EntraId, device, null, deviceDeleted: true);
        },

        // Stuck and recovered, then its value leaves AD.
        s =>
        {
            var (ada, device, _) = s.UserWithKey();
            s.Advance(Cycle * 3);
            s.Scan(ada, TestUser.Value(device, EngineScenario.Start));
            s.Scan(ada);
        },

        // Synced, then its value leaves AD.
        s =>
        {
            var (ada, device, _) = s.UserWithKey();
            s.Scan(ada, TestUser.Value(device, EngineScenario.Start));
            s.Scan(ada);
        },

        // Deleted in Entra while awaiting AD, and another while stuck.
        s =>
        {
            var (ada, device, _) = s.UserWithKey();
            s.Engine.ObserveEntraKeyRemoved(ada.EntraId, device, null, deviceDeleted: false);
            var stuck = s.Register(ada, Guid.NewGuid());
            s.Advance(Cycle * 3);
            Assert.Equal(KeyState.Stuck, stuck.State);
            s.Engine.ObserveEntraKeyRemoved(ada.EntraId, stuck.DeviceId, null, deviceDeleted: true);
        },

        // An AD value no Entra key claims, gone from AD within the grace.
        s =>
        {
            var bob = s.NewUser("bob");
            s.Scan(bob, TestUser.Value(Guid.NewGuid(), EngineScenario.Start));
            s.Scan(bob);
        },
    ];
}
