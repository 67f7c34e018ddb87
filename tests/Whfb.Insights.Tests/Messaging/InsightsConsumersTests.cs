using Whfb.Insights.Extensions;
using Whfb.Testing.Messaging;
using Xunit;

namespace Whfb.Insights.Tests.Messaging;

public sealed class InsightsConsumersTests
{
    [Fact]
    public void Registration_lists_every_consumer_in_the_service() =>
        ConsumerRegistrations.AssertAllRegistered(typeof(InsightsConsumers).Assembly, bus => bus.AddInsightsConsumers());
}
