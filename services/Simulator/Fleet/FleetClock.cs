namespace Whfb.Simulator.Fleet;

/// <summary>
/// When the fleet stops reporting: after the scenario's duration, except that while a rollout is still reaching rings
/// (a slow gate, an override) the newest ring's devices get their check-in and sign-in window, and devices already
/// reached finish reporting (a loaded machine posts slower than the scenario's clock), up to the maximum.
/// </summary>
public sealed class FleetClock(ScenarioTiming timing, int rings, DateTimeOffset start)
{
    private int _assigned;
    private DateTimeOffset? _lastAssigned;

    public double Elapsed(DateTimeOffset now) => (now - start).TotalSeconds;

    /// <summary>Notes how many ring groups carry the policy now.</summary>
    public void Observe(int assignedRings, DateTimeOffset now)
    {
        if (assignedRings > _assigned)
        {
            (_assigned, _lastAssigned) = (assignedRings, now);
        }
    }

    /// <summary>Whether to keep stepping; <paramref name="waiting"/> = devices reached by the policy that have not reported yet.</summary>
    public bool Running(DateTimeOffset now, int waiting = 0)
    {
        ArgumentNullException.ThrowIfNull(timing);
        var elapsed = Elapsed(now);
        if (elapsed < timing.DurationSeconds)
        {
            return true;
        }

        var window = timing.PolicyCheckInSeconds + timing.SignInSpreadSeconds;
        return elapsed < (timing.MaxDurationSeconds ?? 2 * timing.DurationSeconds)
            && (waiting > 0 || _assigned < rings || (now - (_lastAssigned ?? now)).TotalSeconds < window);
    }
}
