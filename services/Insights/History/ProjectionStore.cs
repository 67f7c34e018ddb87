using Npgsql;
using Whfb.Insights.Projections;

namespace Whfb.Insights.History;

/// <summary>Loads (locked) and saves the projection states a batch touches.</summary>
internal static class ProjectionStore
{
    public static async Task<ProjectionSet> LoadAsync(ProjectionSet probe, NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        var set = new ProjectionSet();
        await DeviceStateTable.LoadAsync(probe, set, c, t, ct);
        await KeyStateTable.LoadAsync(probe, set, c, t, ct);
        await RingStateTable.LoadAsync(probe, set, c, t, ct);
        return set;
    }

    public static async Task SaveAsync(ProjectionSet set, NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        await DeviceStateTable.SaveAsync(set, c, t, ct);
        await KeyStateTable.SaveAsync(set, c, t, ct);
        await RingStateTable.SaveAsync(set, c, t, ct);
    }
}
