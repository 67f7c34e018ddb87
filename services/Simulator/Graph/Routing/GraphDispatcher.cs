using Whfb.Simulator.Graph.Permissions;
using Whfb.Simulator.Graph.Throttling;

namespace Whfb.Simulator.Graph.Routing;

/// <summary>
/// Routes one Graph request (from HTTP or from a $batch step): the token's permissions, the throttle budget, the handler,
/// 400 on bad queries, and the share of the budget used on the answer once it passes 0.8.
/// </summary>
public sealed class GraphDispatcher
{
    private readonly GraphRouteTable _routes = new();
    private readonly GraphThrottle _throttle;
    private readonly ILogger<GraphDispatcher> _logger;

    public GraphDispatcher(IEnumerable<IGraphApi> apis, GraphThrottle throttle, ILogger<GraphDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(apis);
        (_throttle, _logger) = (throttle, logger);
        foreach (var api in apis)
        {
            api.Map(_routes);
        }

        _routes.Post("$batch", new BatchExecutor(Dispatch).Execute);
    }

    public GraphResponse Dispatch(GraphRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var match = _routes.Match(request.Method, request.Path);
        if (match.Failure is { } failure)
        {
            return failure;
        }

        if (!match.Route!.Permission.Admits(request.Roles))
        {
            GraphLog.Denied(_logger, request.ClientId, request.Method, request.Path);
            return PermissionDenied.Response(match.Route.Permission, request);
        }

        // A $batch checks nothing itself: its steps draw from the budgets one by one (json-batching), the envelope does not.
        var envelope = ReferenceEquals(match.Route.Permission, RoutePermission.Unchecked);
        if (!envelope && _throttle.TryAcquire(request.ClientId, match.Route!.Bucket) is { } retryAfter)
        {
            GraphLog.Throttled(_logger, request.ClientId, request.Method, request.Path, retryAfter.TotalSeconds);
            return ThrottledResponse.For(retryAfter, match.Route.Bucket);
        }

        request.Values = match.Values!;
        GraphResponse response;
        try
        {
            response = match.Route.Handler(request);
        }
        catch (GraphQueryException e)
        {
            response = GraphResponse.BadRequest(e.Code, e.Message);
        }

        return envelope ? response : LimitPercentage.Apply(response, _throttle.UsedFraction(request.ClientId, match.Route.Bucket));
    }
}
