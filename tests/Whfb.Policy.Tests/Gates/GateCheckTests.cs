using Whfb.Policy.Gates;
using Whfb.Policy.Model;

namespace Whfb.Policy.Tests.Gates;

public sealed class GateCheckTests
{
    private static readonly RingGate Gate = new(0.8, 0.1, 2, TimeSpan.FromMinutes(10));
    private static readonly TimeSpan Soaked = TimeSpan.FromMinutes(11);

    [Fact]
    public void A_healthy_ring_passes_only_after_the_soak()
    {
        var healthy = new RingCounters(10, 9, 9, 1, 8, 2);

        var early = GateCheck.Evaluate(Gate, healthy, TimeSpan.FromMinutes(4));
        var late = GateCheck.Evaluate(Gate, healthy, Soaked);

        Assert.False(early.Passed);
        Assert.False(early.Halts);
        Assert.Equal(["soaked 00:04:00 of 00:10:00"], early.Verdict.Reasons);
        Assert.True(late.Passed);
        Assert.Empty(late.Verdict.Reasons);
        Assert.Equal((10, 0.9, 0.1, 2), (late.Verdict.Devices, late.Verdict.PrerequisitesPassedShare, late.Verdict.ProvisioningFailureShare, late.Verdict.StuckKeys));
    }

    [Fact]
    public void Exceeding_a_maximum_halts_before_the_soak_ends_with_the_reasons()
    {
        var check = GateCheck.Evaluate(Gate, new RingCounters(10, 9, 5, 2, 3, 3), TimeSpan.FromMinutes(1));

        Assert.True(check.Halts);
        Assert.Equal("provisioning failed on 2 of 10 devices (20%, gate: at most 10%); 3 keys stuck on their way to AD (gate: at most 2)", check.HaltReason);
    }

    [Fact]
    public void Too_few_devices_passing_prerequisites_waits_during_the_soak_and_halts_after_it()
    {
        var counters = new RingCounters(10, 5, 5, 0, 5, 0);

        Assert.False(GateCheck.Evaluate(Gate, counters, TimeSpan.FromMinutes(5)).Halts);
        var after = GateCheck.Evaluate(Gate, counters, Soaked);
        Assert.True(after.Halts);
        Assert.Equal("prerequisites passed on 5 of 10 devices (50%, gate: at least 80%)", after.HaltReason);
    }

    [Fact]
    public void A_ring_without_devices_never_passes()
    {
        var check = GateCheck.Evaluate(new RingGate(0, 1, 0, TimeSpan.Zero), RingCounters.None, Soaked);

        Assert.False(check.Passed);
        Assert.True(check.Halts);
    }
}
