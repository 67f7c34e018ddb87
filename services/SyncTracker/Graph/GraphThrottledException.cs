namespace Whfb.SyncTracker.Graph;

/// <summary>Graph answered 429 (the pacer has already slowed down): the request is to be retried later, nothing failed.</summary>
public sealed class GraphThrottledException(string kind, Exception? inner = null)
    : Exception($"Graph throttled a {kind} request", inner);
