namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>What moves a key from one state to the next (the label of an arrow in the lifecycle diagram).</summary>
internal enum KeyTrigger
{
    /// <summary>A key registered in Entra ID became known (device event or Graph listing).</summary>
    EntraKeyObserved,

    /// <summary>AD holds a value no waiting Entra key claims.</summary>
    AdValueUnclaimed,

    /// <summary>The key's value was seen in AD.</summary>
    ValueFoundInAd,

    /// <summary>The key waited for AD past the stuck threshold (and, when Graph lists the tenant, Graph still lists it).</summary>
    StuckThresholdPassed,

    /// <summary>The key (or its device) is gone from Entra ID.</summary>
    EntraKeyGone,

    /// <summary>The unclaimed value outlived the orphan grace (and, when Graph lists the tenant, Graph confirmed no key claims it).</summary>
    OrphanGracePassed,

    /// <summary>The value is no longer in AD.</summary>
    ValueLeftAd,
}

/// <summary>One allowed move of a key's state; <see cref="From"/> is null for the creation of a key.</summary>
internal sealed record KeyTransition(KeyState? From, KeyState To, KeyTrigger Trigger);
