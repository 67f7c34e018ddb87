using Whfb.Policy.Extensions;
using Whfb.Testing.Messaging;

namespace Whfb.Policy.Tests.Messaging;

public sealed class PolicyConsumersTests
{
    [Fact]
    public void Registration_lists_every_consumer_in_the_service() =>
        ConsumerRegistrations.AssertAllRegistered(typeof(PolicyConsumers).Assembly, bus => bus.AddPolicyConsumers());
}
