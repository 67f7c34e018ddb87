using Microsoft.Extensions.Options;

namespace Whfb.Policy.Audit;

/// <summary>
/// Refused writes of the current window, counted in memory so a flood of refused requests costs no database write
/// each: a kind of refusal (tenant, rollout, who, request, status) is written once when first seen in a window, and the
/// repeats are written as one row when the window closes (<see cref="RefusedAuditFlusher"/>). Distinct kinds per window
/// are capped; past the cap, refusals are only counted.
/// </summary>
public sealed class RefusedRequestTally(IOptions<PolicyOptions> options)
{
    private readonly Lock gate = new();
    private Dictionary<RefusedRequest, Repeats> window = [];
    private long beyondCap;

    /// <summary>Counts the refusal; true when it is the first of its kind in this window, to be written at once.</summary>
    public bool Add(RefusedRequest refusal, DateTimeOffset at)
    {
        lock (gate)
        {
            if (window.TryGetValue(refusal, out var repeats))
            {
                repeats.Count++;
                repeats.Last = at;
                return false;
            }

            if (window.Count >= options.Value.RefusedAuditMaxKinds)
            {
                beyondCap++;
                return false;
            }

            window[refusal] = new Repeats { First = at, Last = at };
            return true;
        }
    }

    /// <summary>Closes the window: the kinds that were repeated after their first row, and the refusals beyond the cap.</summary>
    public (IReadOnlyList<(RefusedRequest Refusal, Repeats Repeats)> Repeated, long BeyondCap) Drain()
    {
        lock (gate)
        {
            var repeated = window.Where(w => w.Value.Count > 0).Select(w => (w.Key, w.Value)).ToList();
            var beyond = beyondCap;
            (window, beyondCap) = ([], 0);
            return (repeated, beyond);
        }
    }

    public sealed class Repeats
    {
        /// <summary>Refusals after the one written when the kind was first seen.</summary>
        public long Count { get; set; }

        public DateTimeOffset First { get; init; }

        public DateTimeOffset Last { get; set; }
    }
}

/// <summary>One kind of refused write: <see cref="Request"/> is the method and path, <see cref="Status"/> 401 or 403.</summary>
public readonly record struct RefusedRequest(Guid? TenantId, Guid? RolloutId, string Actor, string Request, int Status)
{
    public string Detail => $"{Request} → {Status}";
}
