using Whfb.SyncTracker.Extensions;
using Whfb.Testing.Messaging;

namespace Whfb.SyncTracker.Tests.Messaging;

public sealed class SyncTrackerConsumersTests
{
    [Fact]
    public void Registration_lists_every_consumer_in_the_service() =>
        ConsumerRegistrations.AssertAllRegistered(typeof(SyncTrackerConsumers).Assembly, bus => bus.AddSyncTrackerConsumers());
}
