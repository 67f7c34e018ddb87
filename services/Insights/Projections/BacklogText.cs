using System.Globalization;
using Whfb.Contracts.Keys;

namespace Whfb.Insights.Projections;

/// <summary>The backlog episode's text, in the numbers an on-call engineer acts on: rate, waiting keys, time to drain.</summary>
internal static class BacklogText
{
    public static string Detected(SyncBacklogDetected m)
    {
        var rate = $"Entra Connect is exporting {Number(m.KeysPerCycle)} keys per cycle ({m.Cycle:g}) while {Number(m.KeysArrivingPerCycle)} arrive";
        var waiting = $"{Keys(m.KeysWaiting)} waiting, the oldest for {Duration(m.OldestWaiting)}";
        var drain = m.EstimatedDrain is { } d
            ? $"at this rate the last reaches AD in ~{Math.Max(1, (int)Math.Ceiling(d / m.Cycle)).ToString(CultureInfo.InvariantCulture)} cycles ({Duration(d)})"
            : "no key reached AD in the last cycles, so no drain time can be estimated";
        return $"{rate}; {waiting}; {drain}.";
    }

    public static string Keys(int count) => count == 1 ? "1 key" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} keys";

    private static string Number(double value) => value.ToString(value >= 10 ? "N0" : "0.#", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan d) =>
        d >= TimeSpan.FromHours(1) ? $"{(int)d.TotalHours} h {d.Minutes} min" : d >= TimeSpan.FromMinutes(1) ? $"{(int)d.TotalMinutes} min" : $"{(int)d.TotalSeconds} s";
}
