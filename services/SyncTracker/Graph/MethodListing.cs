using Microsoft.Graph.Models;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Graph;

/// <summary>Every WHfB key Graph lists for one user now (complete: an empty list means the user has none).</summary>
public sealed record MethodListing(Guid UserId, IReadOnlyList<EntraKeyObservation> Keys)
{
    public static MethodListing From(Guid userId, string? upn, IEnumerable<WindowsHelloForBusinessAuthenticationMethod> methods) =>
        new(userId, [.. methods.Where(m => m.Id is not null && m.CreatedDateTime is not null).Select(m => new EntraKeyObservation(
            userId, upn, Guid.TryParse(m.Device?.DeviceId, out var device) ? device : null, m.Id, null, m.CreatedDateTime!.Value))]);
}

/// <summary>What one round of $batch requests brought: complete listings, and users to ask again (throttled or failed steps).</summary>
public sealed record MethodRound(IReadOnlyList<MethodListing> Listings, IReadOnlyList<Guid> Retry);
