using Whfb.Insights.Model;

namespace Whfb.Insights.Projections;

/// <summary>Applies new history rows, oldest first, to the projections and rollups.</summary>
public static class Projector
{
    public static void Apply(ProjectionSet set, IEnumerable<HistoryRow> rows) => ApplyOrdered(set, Relevant(rows));

    /// <summary>
    /// The rows that can change a projection, a rollup or an alert, oldest first (a stable sort, so rows of the same
    /// instant keep their order). Generic log entries and other rows no projector reads are left out, so a batch
    /// of only those needs no projection work at all.
    /// </summary>
    public static IReadOnlyList<HistoryRow> Relevant(IEnumerable<HistoryRow> rows) =>
        rows.Where(r => !DeviceEventsProjector.ChangesNothing(r.Message)).OrderBy(r => r.OccurredAt).ToList();

    /// <summary>Applies rows already chosen and ordered by <see cref="Relevant"/>.</summary>
    public static void ApplyOrdered(ProjectionSet set, IReadOnlyList<HistoryRow> relevant)
    {
        foreach (var row in relevant)
        {
            _ = DeviceEventsProjector.TryApply(set, row) || KeyEventsProjector.TryApply(set, row) || PolicyEventsProjector.TryApply(set, row)
                || HealthEventsProjector.TryApply(set, row);
        }
    }
}
