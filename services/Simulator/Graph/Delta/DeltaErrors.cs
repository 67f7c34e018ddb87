using Whfb.Simulator.Graph.OData;
using Whfb.Simulator.Graph.Routing;

namespace Whfb.Simulator.Graph.Delta;

/// <summary>
/// Graph's answers to a refused delta token (delta-query-overview, "Synchronization reset" and "Token duration"; the codes
/// from Graph's error reference): an expired or unknown token is a 400 with <c>syncStateNotFound</c>, a reset is 410 Gone
/// (<c>resyncRequired</c>) with a Location header holding the initial request with an empty $deltatoken.
/// </summary>
public static class DeltaErrors
{
    public static GraphResponse For(DeltaRefusal refusal, GraphRequest request) => refusal switch
    {
        DeltaRefusal.Reset => GraphErrors.Response(410, "resyncRequired",
            "The delta token is no longer valid, and the app must reset the sync state.",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Location"] = InitialRequest(request) }),
        DeltaRefusal.Malformed => GraphResponse.BadRequest("Request_BadRequest", "The delta or skip token is not valid."),
        _ => GraphResponse.BadRequest("syncStateNotFound",
            "The sync state generation is not found. The delta token is expired and data must be synchronized again."),
    };

    private static string InitialRequest(GraphRequest request) => ODataPage.Link(request, new Dictionary<string, string>(
        request.Query.Where(q => q.Key is not ("$skiptoken" or "$deltatoken")), StringComparer.Ordinal) { ["$deltatoken"] = "" });
}
