using Whfb.ServiceDefaults.Retries;
using Xunit;

namespace Whfb.ServiceDefaults.Tests.Retries;

/// <summary>The delay doubles from the first one per exponent and stops at the cap, however many failures there were.</summary>
public sealed class ExponentialBackoffTests
{
    [Theory]
    [InlineData(-3, 200)]
    [InlineData(0, 200)]
    [InlineData(1, 400)]
    [InlineData(7, 25_600)]
    [InlineData(8, 30_000)]
    [InlineData(1_000, 30_000)]
    [InlineData(int.MaxValue, 30_000)]
    public void Doubles_from_the_first_delay_up_to_the_cap(int exponent, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds),
            ExponentialBackoff.Delay(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30), exponent));

    [Fact]
    public void Keeps_whole_seconds_exact() =>
        Assert.Equal(TimeSpan.FromSeconds(3600), ExponentialBackoff.Delay(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3600), 12));
}
