using Microsoft.Graph.Models.ODataErrors;
using Whfb.GraphClient.Access;

namespace Whfb.Policy.Intune;

/// <summary>
/// Runs the Graph calls of one feature: a refusal Graph means for good (<see cref="GraphDenial"/>) becomes a
/// <see cref="GraphAccessDeniedException"/> after the observers heard it; a success tells them the feature works.
/// Other failures (throttling past the retries, 5xx, a missing group) pass through unchanged.
/// </summary>
public sealed class GraphAccessGuard(IEnumerable<IGraphAccessObserver> observers)
{
    public async Task<T> RunAsync<T>(GraphFeature feature, Func<Task<T>> call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        T result;
        try
        {
            result = await call();
        }
        catch (ODataError e) when (GraphDenial.From(e) is { } denial)
        {
            throw await DeniedAsync(feature, denial, ct, e);
        }

        await AllowedAsync(feature, ct);
        return result;
    }

    public Task RunAsync(GraphFeature feature, Func<Task> call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        return RunAsync(feature, async () =>
        {
            await call();
            return true;
        }, ct);
    }

    /// <summary>Tells the observers and returns the exception for the caller to throw.</summary>
    public async Task<GraphAccessDeniedException> DeniedAsync(GraphFeature feature, GraphDenial denial, CancellationToken ct, Exception? inner = null)
    {
        foreach (var observer in observers)
        {
            await observer.DeniedAsync(feature, denial, ct);
        }

        return new GraphAccessDeniedException(feature, denial, inner);
    }

    public async Task AllowedAsync(GraphFeature feature, CancellationToken ct)
    {
        foreach (var observer in observers)
        {
            await observer.AllowedAsync(feature, ct);
        }
    }
}
