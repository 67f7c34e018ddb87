using System.Globalization;
using Whfb.Contracts.Policy;
using Whfb.Policy.Model;

namespace Whfb.Policy.Gates;

/// <summary>
/// A ring's gate applied to its counters. <see cref="Breached"/>: a maximum (failure share, stuck keys) is exceeded,
/// which halts the rollout at once; a shortfall (prerequisites share) halts only once the minimum soak has passed.
/// </summary>
public sealed record GateCheck(GateVerdict Verdict, bool Breached, bool SoakComplete, IReadOnlyList<string> HealthReasons)
{
    public bool Passed => Verdict.Passed;

    /// <summary>The rollout must stop: a maximum is exceeded, or the ring soaked long enough and still falls short.</summary>
    public bool Halts => !Passed && (Breached || SoakComplete);

    /// <summary>Why the ring is unhealthy (without the soak time), for the halt event.</summary>
    public string HaltReason => string.Join("; ", HealthReasons);

    public static GateCheck Evaluate(RingGate gate, RingCounters counters, TimeSpan soaked)
    {
        var devices = counters.Devices;
        var passedShare = devices == 0 ? 0 : (double)counters.PrerequisitesPassed / devices;
        var failureShare = devices == 0 ? 0 : (double)counters.Failed / devices;
        var reasons = new List<string>();
        var breached = false;
        if (failureShare > gate.MaxProvisioningFailureShare)
        {
            breached = true;
            reasons.Add($"provisioning failed on {counters.Failed} of {devices} devices ({Percent(failureShare)}, gate: at most {Percent(gate.MaxProvisioningFailureShare)})");
        }

        if (counters.Stuck > gate.MaxStuckKeys)
        {
            breached = true;
            reasons.Add($"{counters.Stuck} keys stuck on their way to AD (gate: at most {gate.MaxStuckKeys})");
        }

        if (passedShare < gate.MinPrerequisitesPassedShare || devices == 0)
        {
            reasons.Add($"prerequisites passed on {counters.PrerequisitesPassed} of {devices} devices ({Percent(passedShare)}, gate: at least {Percent(gate.MinPrerequisitesPassedShare)})");
        }

        var health = reasons.ToList();
        var soakComplete = soaked >= gate.MinSoak;
        if (!soakComplete)
        {
            reasons.Add($"soaked {TimeSpan.FromSeconds(Math.Floor(soaked.TotalSeconds)):c} of {gate.MinSoak:c}");
        }

        var verdict = new GateVerdict(reasons.Count == 0, devices, passedShare, failureShare, counters.Stuck, soaked, reasons);
        return new GateCheck(verdict, breached, soakComplete, health);
    }

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
