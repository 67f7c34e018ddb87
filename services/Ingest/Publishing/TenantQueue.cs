namespace Whfb.Ingest.Publishing;

/// <summary>
/// Requests waiting to be published, in one line per tenant, so a group taken for publishing holds one tenant's events
/// only and one tenant's bad or oversized events never fail another tenant's requests. Tenants take turns (the one
/// waiting longest first). Bounded by requests and by bytes: when full, a request is refused at once. A request that
/// gave up (timed out, client gone) is removed before anything is published for it.
/// </summary>
internal sealed class TenantQueue(int maxRequests, long maxBytes) : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, Line> lines = [];
    private readonly LinkedList<Line> turns = new();
    private readonly SemaphoreSlim signal = new(0);
    private int count;
    private long bytes;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    /// <summary>Queues the request unless that would pass either bound (a lone request is always taken).</summary>
    public bool TryEnqueue(PendingRequest request)
    {
        lock (gate)
        {
            if (count >= maxRequests || (count > 0 && bytes + request.Bytes > maxBytes))
                return false;
            if (!lines.TryGetValue(request.TenantId, out var line))
            {
                line = new Line(request.TenantId);
                lines[request.TenantId] = line;
                line.Turn = turns.AddLast(line);
            }

            request.Place = line.Requests.AddLast(request);
            count++;
            bytes += request.Bytes;
        }

        signal.Release();
        return true;
    }

    /// <summary>Takes a request out that still waits; false when it was already taken for publishing.</summary>
    public bool TryRemove(PendingRequest request)
    {
        lock (gate)
        {
            if (request.Place is not { } place)
                return false;
            var line = lines[request.TenantId];
            line.Requests.Remove(place);
            Forget(request);
            if (line.Requests.Count == 0)
                Close(line);
            return true;
        }
    }

    /// <summary>Waits until a request was queued since the last wait (a group may since have taken it).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => signal.WaitAsync(cancellationToken);

    /// <summary>
    /// The next tenant's oldest requests, as many as fit in <paramref name="maxEvents"/> events (at least one); that
    /// tenant then waits behind the others. Requests whose deadline falls before <paramref name="takeBefore"/> are
    /// taken out into <paramref name="late"/> instead, unpublished. Empty when nothing waits.
    /// </summary>
    public List<PendingRequest> TakeGroup(int maxEvents, DateTimeOffset takeBefore, List<PendingRequest> late)
    {
        var group = new List<PendingRequest>();
        lock (gate)
        {
            if (turns.First?.Value is not { } line)
                return group;
            var events = 0;
            while (line.Requests.First is { } first && (group.Count == 0 || events + first.Value.Events.Count <= maxEvents))
            {
                line.Requests.RemoveFirst();
                Forget(first.Value);
                if (first.Value.Deadline < takeBefore)
                {
                    late.Add(first.Value);
                    continue;
                }

                group.Add(first.Value);
                events += first.Value.Events.Count;
            }

            turns.Remove(line.Turn!);
            if (line.Requests.Count == 0)
                lines.Remove(line.TenantId);
            else
                line.Turn = turns.AddLast(line);
        }

        return group;
    }

    public void Dispose() => signal.Dispose();

    private void Forget(PendingRequest request)
    {
        request.Place = null;
        count--;
        bytes -= request.Bytes;
    }

    private void Close(Line line)
    {
        turns.Remove(line.Turn!);
        lines.Remove(line.TenantId);
    }

    private sealed class Line(Guid tenantId)
    {
        public Guid TenantId => tenantId;

        public LinkedList<PendingRequest> Requests { get; } = new();

        public LinkedListNode<Line>? Turn { get; set; }
    }
}
