using System.Globalization;
using System.Text.Json.Nodes;
using Whfb.Simulator.Graph.OData;
using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Graph;

/// <summary>
/// users/delta: the first round returns every user, later rounds (with the $deltatoken of the last page's
/// @odata.deltaLink) only users changed since, deleted ones as <c>@removed</c>. Tokens older than 7 days → 410.
/// Pages hold 100 users, or what <c>Prefer: odata.maxpagesize</c> asks for up to 200 (Graph's cap for directory objects).
/// </summary>
public sealed class UsersDeltaApi(TenantDirectory directory, TimeProvider time) : IGraphApi
{
    private const int PageSize = 100;
    private const int MaxPageSize = 200;
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(7);

    public void Map(GraphRouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Get("users/delta", Delta);
    }

    private GraphResponse Delta(GraphRequest request)
    {
        var state = DeltaState.From(request, directory.CurrentVersion, time.GetUtcNow());
        if (time.GetUtcNow() - state.Issued > TokenLifetime)
        {
            return GraphErrors.Response(410, "resyncRequired", "The delta token has expired; start a new sync without a token.");
        }

        var changed = directory.UsersChangedSince(state.Since).Where(u => u.Version <= state.UpTo && (state.Since > 0 || !u.Deleted)).ToList();
        var pageSize = Math.Min(request.MaxPageSize ?? PageSize, MaxPageSize);
        var page = changed.Skip(state.Offset).Take(pageSize).Select(Item);
        var body = new JsonObject { ["@odata.context"] = request.Context("users") };
        var selected = new JsonArray(page.Select(u => (JsonNode)ODataSelect.Apply(u, request.QueryValue("$select"))).ToArray());
        var link = state.Offset + pageSize < changed.Count
            ? ("@odata.nextLink", "$skiptoken", state with { Offset = state.Offset + pageSize })
            : ("@odata.deltaLink", "$deltatoken", new DeltaState(state.UpTo, state.UpTo, 0, time.GetUtcNow()));
        body[link.Item1] = ODataPage.Link(request, Query(request, link.Item2, link.Item3.Encode()));
        body["value"] = selected;
        return GraphResponse.Ok(body);
    }

    private static JsonObject Item(TenantUser user) => user.Deleted
        ? new JsonObject { ["id"] = user.Id, ["@removed"] = new JsonObject { ["reason"] = "changed" } }
        : user.ToGraph();

    private static Dictionary<string, string> Query(GraphRequest request, string tokenName, string token)
    {
        var query = request.Query.Where(q => q.Key is not ("$skiptoken" or "$deltatoken"))
            .ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
        query[tokenName] = token;
        return query;
    }

    /// <summary>Changes after Since up to UpTo, page Offset; Issued dates the token for expiry.</summary>
    private sealed record DeltaState(long Since, long UpTo, int Offset, DateTimeOffset Issued)
    {
        public static DeltaState From(GraphRequest request, long current, DateTimeOffset now)
        {
            var token = request.QueryValue("$skiptoken") ?? request.QueryValue("$deltatoken");
            if (token is null)
            {
                return new DeltaState(0, current, 0, now);
            }

            var parts = SkipToken.Decode("delta", token).Split(':');
            if (parts.Length != 4)
            {
                throw new GraphQueryException("Invalid delta token.", "Request_BadRequest");
            }

            var since = long.Parse(parts[0], CultureInfo.InvariantCulture);
            var upTo = request.QueryValue("$deltatoken") is null ? long.Parse(parts[1], CultureInfo.InvariantCulture) : current;
            return new DeltaState(since, upTo, int.Parse(parts[2], CultureInfo.InvariantCulture),
                DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[3], CultureInfo.InvariantCulture)));
        }

        public string Encode() => SkipToken.Encode("delta", string.Create(
            CultureInfo.InvariantCulture, $"{Since}:{UpTo}:{Offset}:{Issued.ToUnixTimeSeconds()}"));
    }
}
