using Whfb.Policy.Intune;

namespace Whfb.Policy.Tests.Intune;

/// <summary>A throttled $batch step waits its own Retry-After, or, without one, exponentially longer each round up to a cap.</summary>
public sealed class BatchBackoffTests
{
    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 4)]
    [InlineData(3, 16)]
    [InlineData(6, 128)]
    [InlineData(7, 180)]
    [InlineData(10, 180)]
    public void Without_Retry_After_the_wait_doubles_each_round_up_to_three_minutes(int round, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), BatchBackoff.Delay(null, round));

    [Fact]
    public void Retry_After_is_taken_as_Graph_sent_it_in_any_round() =>
        Assert.Equal(TimeSpan.FromSeconds(7), BatchBackoff.Delay(TimeSpan.FromSeconds(7), 5));
}
