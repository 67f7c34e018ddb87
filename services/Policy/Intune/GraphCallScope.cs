namespace Whfb.Policy.Intune;

/// <summary>
/// Who the Graph requests in the current async flow are made for. The audit handler sits in the SDK pipeline and
/// has no other way to learn the caller: set it with <see cref="Begin"/> around each operation.
/// </summary>
public static class GraphCallScope
{
    private static readonly AsyncLocal<GraphCaller?> CurrentCaller = new();

    public static GraphCaller? Current => CurrentCaller.Value;

    public static IDisposable Begin(GraphCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var previous = CurrentCaller.Value;
        CurrentCaller.Value = caller;
        return new Restore(previous);
    }

    private sealed class Restore(GraphCaller? previous) : IDisposable
    {
        public void Dispose() => CurrentCaller.Value = previous;
    }
}
