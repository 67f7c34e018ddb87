using Microsoft.Graph.Models;
using Whfb.GraphClient.Access;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// The method reads of the inventory, each in $batch requests: users' windowsHelloForBusinessMethods listings (without
/// devices: Graph's list has none), and single methods with $expand=device for the keys whose device tells them apart.
/// </summary>
public sealed class MethodReader(GraphStepBatch batch, GraphGateway gateway, TimeProvider time)
{
    /// <summary>Steps the next $batch should carry (at most BatchSize; fewer while throttled steps say the budget is short).</summary>
    public int StepsPerBatch => batch.Sizer.Size;

    /// <summary>One $batch listing up to BatchSize users (a 404 is an empty listing); throttled, failed or refused users to ask again.</summary>
    public async Task<MethodRound> ListAsync(IReadOnlyList<Guid> users, CancellationToken cancellationToken)
    {
        var asked = time.GetUtcNow();
        var answers = await batch.SendAsync<Guid, WindowsHelloForBusinessAuthenticationMethodCollectionResponse>(
            "batch", users, gateway.MethodsRequest, cancellationToken);
        return new MethodRound(
            [.. answers.Ok.Select(a => MethodListing.From(a.Item, a.Body, asked)), .. answers.Gone.Select(u => new MethodListing(u, [], asked))],
            [.. answers.Retry, .. answers.Denied], answers.FeatureDenial);
    }

    /// <summary>One $batch of up to BatchSize single GETs with $expand=device.</summary>
    public async Task<LookupRound> DevicesAsync(IReadOnlyList<DeviceLookup> lookups, CancellationToken cancellationToken)
    {
        var answers = await batch.SendAsync<DeviceLookup, WindowsHelloForBusinessAuthenticationMethod>(
            "lookup", lookups, gateway.MethodDeviceRequest, cancellationToken);
        return new LookupRound(
            [.. answers.Ok.Select(a => (a.Item, Guid.TryParse(a.Body?.Device?.DeviceId, out var device) ? device : (Guid?)null))],
            answers.Gone, [.. answers.Retry, .. answers.Denied], answers.FeatureDenial);
    }
}

/// <summary>A single GET of one user's WHfB method, for its device.</summary>
public sealed record DeviceLookup(Guid UserId, string MethodId);

/// <summary>
/// One $batch of lookups: devices found (null when Graph has none), methods gone (404), lookups to ask again; Graph's
/// refusal when it refused the feature itself.
/// </summary>
public sealed record LookupRound(
    IReadOnlyList<(DeviceLookup Lookup, Guid? DeviceId)> Answered, IReadOnlyList<DeviceLookup> Gone, IReadOnlyList<DeviceLookup> Retry,
    GraphDenial? Denial = null);
