using Whfb.GraphClient.Access;

namespace Whfb.Policy.Access;

/// <summary>
/// At start, puts the episodes an earlier process left open back into <see cref="GraphAccessState"/>: the health check
/// shows them at once, a new refusal does not announce them again, and the next success closes them.
/// </summary>
public sealed class GraphAccessResumption(GraphAccessState state, IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var features = GraphFeatures.Of(GraphFeatures.Policy).ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var episode in await scope.ServiceProvider.GetRequiredService<GraphAccessEpisodes>().OpenEpisodesAsync(cancellationToken))
        {
            if (features.TryGetValue(episode.Feature, out var feature))
            {
                var kind = Enum.TryParse<DenialKind>(episode.Kind, out var parsed) ? parsed : DenialKind.Permission;
                state.Resume(new MissingAccess(feature, new GraphDenial(kind, episode.Code, episode.Message), episode.Since));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
