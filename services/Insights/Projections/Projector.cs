using Whfb.Insights.Model;

namespace Whfb.Insights.Projections;

/// <summary>Applies new history rows, oldest first, to the projections and rollups.</summary>
public static class Projector
{
    public static void Apply(ProjectionSet set, IEnumerable<HistoryRow> rows)
    {
        foreach (var row in rows.OrderBy(r => r.OccurredAt))
        {
            _ = DeviceEventsProjector.TryApply(set, row) || KeyEventsProjector.TryApply(set, row) || PolicyEventsProjector.TryApply(set, row);
        }
    }
}
