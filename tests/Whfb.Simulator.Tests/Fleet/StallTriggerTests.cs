using Whfb.Simulator.Fleet;

namespace Whfb.Simulator.Tests.Fleet;

public sealed class StallTriggerTests
{
    [Fact]
    public void Fires_once_at_the_first_step_past_its_time_in_which_keys_were_registered()
    {
        var trigger = new StallTrigger(afterSeconds: 60, cycles: 3);

        Assert.False(trigger.Fires(10, 5));   // registering, but too early
        Assert.False(trigger.Fires(59, 40));
        Assert.False(trigger.Fires(61, 40));  // between two rings: nothing registered since the last step
        Assert.False(trigger.Fires(75, 40));
        Assert.True(trigger.Fires(80, 41));   // the next ring's devices register
        Assert.False(trigger.Fires(81, 90));  // once
    }

    [Fact]
    public void Never_fires_without_stalled_cycles_in_the_scenario()
    {
        var trigger = new StallTrigger(afterSeconds: 0, cycles: 0);

        Assert.False(trigger.Fires(1, 10));
        Assert.False(trigger.Fires(100, 20));
    }
}
