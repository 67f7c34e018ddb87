using Whfb.GraphClient.Access;

namespace Whfb.Policy.Intune;

/// <summary>
/// Hears whether Graph allowed or refused each feature the Intune layer used, so the service can keep one episode per
/// refused feature (health, metric, alert) instead of retrying. Registered by the service; none is needed.
/// </summary>
public interface IGraphAccessObserver
{
    Task DeniedAsync(GraphFeature feature, GraphDenial denial, CancellationToken ct);

    Task AllowedAsync(GraphFeature feature, CancellationToken ct);
}
