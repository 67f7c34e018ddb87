using System.Diagnostics.Metrics;
using Whfb.GraphClient.Access;
using Whfb.Policy.Intune;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.Policy.Access;

/// <summary>
/// Policy's side of Graph's refusals: the in-process state (<see cref="GraphAccessState"/>: health and the
/// <c>whfb.policy.graph.access.denied</c> gauge) changes only on a feature's first refusal and first success after it, and
/// only those changes reach the database and the outbox (<see cref="GraphAccessEpisodes"/>), so an operator hears once.
/// </summary>
public sealed partial class GraphAccessRecorder : IGraphAccessObserver
{
    private readonly GraphAccessState _state;
    private readonly IServiceScopeFactory _scopes;
    private readonly IntuneConnection _connection;
    private readonly ILogger<GraphAccessRecorder> _logger;

    public GraphAccessRecorder(
        GraphAccessState state, IServiceScopeFactory scopes, IntuneConnection connection, IMeterFactory meters, ILogger<GraphAccessRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        (_state, _scopes, _connection, _logger) = (state, scopes, connection, logger);
        // A meter of this host's own (same name as the platform's), so the gauge goes away with the host that reads the state.
        meters.Create(WhfbTelemetry.MeterName).CreateObservableGauge("whfb.policy.graph.access.denied",
            () => GraphFeatures.Of(GraphFeatures.Policy).Select(f => new Measurement<int>(_state.IsDenied(f) ? 1 : 0, new KeyValuePair<string, object?>("feature", f.Name))),
            "{feature}", "1 while Graph refuses the feature (a permission or licence is missing), else 0");
    }

    public async Task DeniedAsync(GraphFeature feature, GraphDenial denial, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (_state.Denied(feature, denial) is not { } change)
        {
            return;
        }

        LogDenied(_logger, feature.Name, string.Join(" or ", change.Missing.Remedy), denial.Code);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<GraphAccessEpisodes>().OpenAsync(_connection.TenantId, change.Missing, CancellationToken.None);
        }
        catch
        {
            // Not stored means not announced: forget it here too, so the next refusal tries again.
            _state.Allowed(feature);
            throw;
        }
    }

    public async Task AllowedAsync(GraphFeature feature, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (_state.Allowed(feature) is not { } change)
        {
            return;
        }

        LogAllowed(_logger, feature.Name, change.Missing.Since);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<GraphAccessEpisodes>().CloseAsync(_connection.TenantId, change, CancellationToken.None);
        }
        catch
        {
            _state.Resume(change.Missing);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph refuses {Feature}: the Policy app needs {Remedy} (Graph said {Code}); actions that need it stop until it is granted")]
    private static partial void LogDenied(ILogger logger, string feature, string remedy, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph allows {Feature} again (refused since {Since:u})")]
    private static partial void LogAllowed(ILogger logger, string feature, DateTimeOffset since);
}
