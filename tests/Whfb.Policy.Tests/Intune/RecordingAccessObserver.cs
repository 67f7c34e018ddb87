using System.Collections.Concurrent;
using Whfb.GraphClient.Access;
using Whfb.Policy.Intune;

namespace Whfb.Policy.Tests.Intune;

/// <summary>What the Intune layer told the service about Graph's answers, in order: "denied ring-users", "allowed intune-policy".</summary>
public sealed class RecordingAccessObserver : IGraphAccessObserver
{
    private readonly ConcurrentQueue<string> _heard = new();

    public IReadOnlyList<string> Heard => [.. _heard];

    public Task DeniedAsync(GraphFeature feature, GraphDenial denial, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(feature);
        _heard.Enqueue($"denied {feature.Name}");
        return Task.CompletedTask;
    }

    public Task AllowedAsync(GraphFeature feature, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(feature);
        _heard.Enqueue($"allowed {feature.Name}");
        return Task.CompletedTask;
    }
}
