using Whfb.Testing.Graph;

namespace Whfb.SyncTracker.Tests.Support;

/// <summary>A Graph emulator started for one test and stopped with <c>await using</c>.</summary>
public sealed class EmulatorScope<T> : IAsyncDisposable where T : GraphEmulator
{
    private EmulatorScope(T graph) => Graph = graph;

    public T Graph { get; }

    public static async Task<EmulatorScope<T>> StartAsync(T graph)
    {
        await graph.InitializeAsync();
        return new EmulatorScope<T>(graph);
    }

    public async ValueTask DisposeAsync() => await Graph.DisposeAsync();
}
