using Microsoft.Graph.Models;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// The WHfB keys Graph lists for one user now, without devices (Graph's list has none). Complete (an empty list means the
/// user has none) unless Graph paged the answer: then only the keys seen are learned and nothing is concluded from absence.
/// </summary>
/// <param name="ListedAt">
/// When the listing was asked for: Graph's answer shows the user's keys as of then, however late it is observed (a listing
/// held for device lookups under throttling can be saved tens of seconds later), so the listing lag counts from here.
/// </param>
public sealed record MethodListing(Guid UserId, IReadOnlyList<EntraKeyObservation> Keys, DateTimeOffset ListedAt, bool Complete = true)
{
    /// <summary>True once the keys that needed their device were looked up: the listing is observed as it is.</summary>
    public bool DevicesLookedUp { get; init; }

    public static MethodListing From(Guid userId, WindowsHelloForBusinessAuthenticationMethodCollectionResponse? page, DateTimeOffset listedAt) =>
        new(userId, Observations(userId, page?.Value ?? []), listedAt, page?.OdataNextLink is null);

    /// <summary>The listing with the devices looked up; keys whose single GET found them gone (404) are dropped.</summary>
    public MethodListing WithDevices(IReadOnlyDictionary<string, Guid?> devices, IReadOnlySet<string> gone) => this with
    {
        Keys = [.. Keys.Where(k => !gone.Contains(k.EntraKeyId!))
            .Select(k => devices.TryGetValue(k.EntraKeyId!, out var device) ? k with { DeviceId = device, DeviceLookedUp = true } : k)],
        DevicesLookedUp = true,
    };

    private static EntraKeyObservation[] Observations(Guid userId, IEnumerable<WindowsHelloForBusinessAuthenticationMethod> methods) =>
        [.. methods.Where(m => m.Id is not null && m.CreatedDateTime is not null)
            .Select(m => new EntraKeyObservation(userId, null, null, m.Id, null, m.CreatedDateTime!.Value))];
}

/// <summary>
/// What one round of $batch requests brought: complete listings, users to ask again (throttled, failed or refused steps),
/// and Graph's refusal when it refused the feature itself (every step 403 for a missing permission).
/// </summary>
public sealed record MethodRound(IReadOnlyList<MethodListing> Listings, IReadOnlyList<Guid> Retry, Whfb.GraphClient.Access.GraphDenial? Denial = null);

/// <summary>A listing held back by the engine until the devices of these keys are looked up.</summary>
public sealed record DeferredListing(MethodListing Listing, IReadOnlyList<string> MethodIds);
