namespace Whfb.Simulator.EntraConnect;

/// <summary>/admin/entra-connect: the scheduler's state (Get-ADSyncScheduler) and a manual cycle (Start-ADSyncSyncCycle).</summary>
public static class EntraConnectApi
{
    public static IEndpointRouteBuilder MapEntraConnectApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/entra-connect");
        group.MapGet("/scheduler", (SyncEngine engine) => Results.Ok(engine.State));
        group.MapPost("/cycle", async (SyncEngine engine, CancellationToken cancellationToken) =>
            Results.Ok(await engine.RunCycleAsync(cancellationToken)));
        return app;
    }
}
