using Whfb.Cli.Doctor;
using Whfb.Cli.Doctor.Directory;
using Whfb.Testing.Directory;
using Xunit;

namespace Whfb.Cli.Tests.Doctor;

/// <summary>The real DC's clock (rootDSE currentTime) against this machine's, and against a clock set 10 minutes ahead.</summary>
public sealed class ClockSkewCheckTests
{
    [Fact]
    public async Task The_local_clock_agrees_with_the_dc()
    {
        var result = await ClockSkewCheck.RunAsync(LocalDirectory.KerberosOptions(), TimeProvider.System, CancellationToken.None);

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Matches(@"^this machine's clock is [0-2] s (ahead of|behind) ldap://", result.Detail);
    }

    [Fact]
    public async Task A_clock_ten_minutes_off_fails_with_the_kerberos_limit()
    {
        var result = await ClockSkewCheck.RunAsync(LocalDirectory.KerberosOptions(), new ShiftedClock(TimeSpan.FromMinutes(10)), CancellationToken.None);

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Matches(@"^this machine's clock is (599|600|601) s ahead of .*: Kerberos refuses more than 5 minutes$", result.Detail);
    }

    private sealed class ShiftedClock(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
    }
}
