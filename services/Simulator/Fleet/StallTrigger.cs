namespace Whfb.Simulator.Fleet;

/// <summary>
/// When the scenario's Entra Connect scheduler stall goes in: at the first fleet step past
/// <see cref="ScenarioTiming.StallAfterSeconds"/> in which devices registered keys, once. A stall only shows while keys
/// wait, and when a rollout's gates pace the rings the fixed time alone can fall between two rings, with no key waiting.
/// </summary>
public sealed class StallTrigger(double afterSeconds, int cycles)
{
    private int _registered;
    private bool _fired;

    /// <summary>Call after every step with the seconds since the fleet started and the keys registered so far (event 300).</summary>
    public bool Fires(double elapsedSeconds, int registeredKeys)
    {
        var registering = registeredKeys > _registered;
        _registered = registeredKeys;
        if (_fired || cycles <= 0 || elapsedSeconds < afterSeconds || !registering)
        {
            return false;
        }

        _fired = true;
        return true;
    }
}
