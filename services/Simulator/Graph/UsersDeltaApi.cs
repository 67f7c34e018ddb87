using System.Text.Json.Nodes;
using Whfb.Simulator.Graph.Delta;
using Whfb.Simulator.Graph.OData;
using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Graph;

/// <summary>
/// users/delta: the first round returns every user, later rounds (with the $deltatoken of the last page's
/// @odata.deltaLink) only users changed since, deleted ones as <c>@removed</c>. Tokens are Graph's opaque state tokens
/// (<see cref="DeltaTokens"/>): expired or unknown ones are refused as Graph refuses them (<see cref="DeltaErrors"/>).
/// Pages hold 100 users, or what <c>Prefer: odata.maxpagesize</c> asks for up to 200 (Graph's cap for directory objects).
/// </summary>
public sealed class UsersDeltaApi(TenantDirectory directory, DeltaTokens tokens, TimeProvider time) : IGraphApi
{
    private const int PageSize = 100;
    private const int MaxPageSize = 200;

    public void Map(GraphRouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Get("users/delta", Delta);
    }

    private GraphResponse Delta(GraphRequest request)
    {
        var (state, refusal) = State(request);
        if (refusal is { } refused)
        {
            return DeltaErrors.For(refused, request);
        }

        var changed = directory.UsersChangedSince(state!.Since).Where(u => u.Version <= state.UpTo && (state.Since > 0 || !u.Deleted)).ToList();
        var pageSize = Math.Min(request.MaxPageSize ?? PageSize, MaxPageSize);
        var page = changed.Skip(state.Offset).Take(pageSize).Select(Item);
        var body = new JsonObject { ["@odata.context"] = request.Context("users") };
        var selected = new JsonArray(page.Select(u => (JsonNode)ODataSelect.Apply(u, request.QueryValue("$select"))).ToArray());
        var link = state.Offset + pageSize < changed.Count
            ? ("@odata.nextLink", "$skiptoken", state with { Offset = state.Offset + pageSize })
            : ("@odata.deltaLink", "$deltatoken", new DeltaState(state.UpTo, state.UpTo, 0, time.GetUtcNow()));
        body[link.Item1] = ODataPage.Link(request, Query(request, link.Item2, tokens.Issue(link.Item3)));
        body["value"] = selected;
        return GraphResponse.Ok(body);
    }

    /// <summary>
    /// A nextLink's $skiptoken continues its round (same end, same issue time); a deltaLink's $deltatoken starts the next
    /// round at its end, up to now. No token (or the empty one of a 410's Location) starts over with every user.
    /// </summary>
    private (DeltaState? State, DeltaRefusal? Refusal) State(GraphRequest request)
    {
        var skip = request.QueryValue("$skiptoken");
        var token = string.IsNullOrEmpty(skip) ? request.QueryValue("$deltatoken") : skip;
        if (string.IsNullOrEmpty(token))
        {
            return (new DeltaState(0, directory.CurrentVersion, 0, time.GetUtcNow()), null);
        }

        var (state, refusal) = tokens.Read(token);
        return state is null || !string.IsNullOrEmpty(skip) ? (state, refusal) : (state with { UpTo = directory.CurrentVersion }, null);
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
}
