using Microsoft.Graph.Models;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// The WHfB keys Graph lists for one user now. Complete (an empty list means the user has none) unless Graph paged the
/// answer: then only the keys seen are learned and nothing is concluded from absence.
/// </summary>
public sealed record MethodListing(Guid UserId, IReadOnlyList<EntraKeyObservation> Keys, bool Complete = true)
{
    public static MethodListing From(Guid userId, WindowsHelloForBusinessAuthenticationMethodCollectionResponse? page) =>
        new(userId, Observations(userId, page?.Value ?? []), page?.OdataNextLink is null);

    private static EntraKeyObservation[] Observations(Guid userId, IEnumerable<WindowsHelloForBusinessAuthenticationMethod> methods) =>
        [.. methods.Where(m => m.Id is not null && m.CreatedDateTime is not null).Select(m => new EntraKeyObservation(
            userId, null, Guid.TryParse(m.Device?.DeviceId, out var device) ? device : null, m.Id, null, m.CreatedDateTime!.Value))];
}

/// <summary>What one round of $batch requests brought: complete listings, and users to ask again (throttled or failed steps).</summary>
public sealed record MethodRound(IReadOnlyList<MethodListing> Listings, IReadOnlyList<Guid> Retry);
