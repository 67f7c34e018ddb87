using Npgsql;
using Whfb.Insights.Projections;

namespace Whfb.Insights.History;

/// <summary>
/// Loads (locked) the projection states a batch touches, in one round trip for the three tables, and gives the
/// statements that save them (sent with the rollups), key rows folded into another deleted. A table the batch does not
/// touch is not queried.
/// </summary>
internal static class ProjectionStore
{
    private static readonly (Func<ProjectionSet, NpgsqlBatchCommand?> Load, Action<NpgsqlDataReader, ProjectionSet> Read)[] Tables =
        [(DeviceStateTable.Load, DeviceStateTable.Read), (KeyStateTable.Load, KeyStateTable.Read), (RingStateTable.Load, RingStateTable.Read)];

    public static async Task<ProjectionSet> LoadAsync(ProjectionSet probe, NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        var set = new ProjectionSet();
        var loads = Tables.Select(table => (Command: table.Load(probe), table.Read)).Where(l => l.Command is not null).ToList();
        if (loads.Count == 0)
        {
            return set;
        }

        await using var batch = new NpgsqlBatch(c, t);
        loads.ForEach(l => batch.BatchCommands.Add(l.Command!));
        await using var reader = await (await SqlArrays.PreparedAsync(batch, ct)).ExecuteReaderAsync(ct);
        foreach (var (_, read) in loads)
        {
            while (await reader.ReadAsync(ct))
            {
                read(reader, set);
            }

            await reader.NextResultAsync(ct);
        }

        return set;
    }

    public static IEnumerable<NpgsqlBatchCommand?> Saves(ProjectionSet set) =>
        [DeviceStateTable.Save(set), KeyStateTable.Save(set), KeyStateTable.Delete(set), RingStateTable.Save(set)];
}
