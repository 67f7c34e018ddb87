using Microsoft.EntityFrameworkCore;
using Whfb.Contracts.Devices;
using Whfb.Policy.Infrastructure;
using Whfb.Policy.Model;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.Policy.Consumers;

/// <summary>
/// Applies telemetry events to the outcome rows of the devices they concern in the rollouts whose assignments are in
/// place (<see cref="CountedRollouts"/>: live ones, and completed ones not taken over since), each once (inbox): one
/// event, or a whole device event batch, in one transaction. Matching: by device id; a device not (yet) known but used
/// by a member user of an assigned ring joins that ring; an event naming only a user applies to that user's devices.
/// </summary>
public sealed class OutcomeRecorder(PolicyDbContext db, OutcomeWriteGate gate, TimeProvider time)
{
    /// <summary>The counted rollouts per tenant, read once per transaction (a batch of 500 events asks once, not 500 times).</summary>
    private readonly Dictionary<Guid, List<CountedRollout>> _counted = [];

    /// <summary>
    /// Every event of a batch (Ingest's <c>DeviceEventBatch&lt;T&gt;</c>, or MassTransit's <c>Batch&lt;T&gt;</c>) in turn,
    /// each once, in one transaction (a redelivered batch skips what its inbox holds).
    /// </summary>
    public Task RecordEachAsync<T>(
        IReadOnlyList<T> events, Func<T, DeviceSubject> subject, Func<T, Guid> eventId, string inbox, Action<T, DeviceOutcome> apply, CancellationToken ct)
        where T : class =>
        RecordEachAsync(events, subject, eventId, inbox, (message, rows) => ApplyToEach(rows, row => apply(message, row)), ct);

    public Task RecordEachAsync<T>(
        IReadOnlyList<T> events, Func<T, DeviceSubject> subject, Func<T, Guid> eventId, string inbox,
        Func<T, IReadOnlyList<DeviceOutcome>, Task> apply, CancellationToken ct)
        where T : class => InTransactionAsync(async () =>
        {
            foreach (var message in events)
            {
                await ApplyAsync(subject(message), eventId(message), inbox, rows => apply(message, rows), ct);
            }
        }, ct);

    private static Task ApplyToEach(IReadOnlyList<DeviceOutcome> rows, Action<DeviceOutcome> apply)
    {
        foreach (var row in rows)
        {
            apply(row);
        }

        return Task.CompletedTask;
    }

    private async Task InTransactionAsync(Func<Task> work, CancellationToken ct)
    {
        using var turn = await gate.EnterAsync(ct);
        db.ChangeTracker.Clear();
        _counted.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await work();
        await transaction.CommitAsync(ct);
    }

    /// <summary>One event: saved at once, so a later event of the same batch finds the rows it added.</summary>
    private async Task ApplyAsync(DeviceSubject subject, Guid messageId, string inbox, Func<IReadOnlyList<DeviceOutcome>, Task> apply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var now = time.GetUtcNow();
        if (!await db.TryMarkProcessedAsync(messageId, inbox, now, ct))
        {
            return;
        }

        var rows = await MatchAsync(subject, now, ct);
        foreach (var row in rows)
        {
            row.UserId ??= subject.UserId;
            row.Upn ??= subject.Upn;
            row.DeviceName ??= subject.DeviceName;
            row.UpdatedAt = now;
        }

        await apply(rows);
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<DeviceOutcome>> MatchAsync(DeviceSubject subject, DateTimeOffset now, CancellationToken ct)
    {
        if (!_counted.TryGetValue(subject.TenantId, out var counted))
        {
            counted = await CountedRollouts.OfTenantAsync(db, subject.TenantId, ct);
            _counted[subject.TenantId] = counted;
        }

        if (counted.Count == 0)
        {
            return [];
        }

        var ids = counted.Select(r => r.Id).ToList();
        var rows = db.Set<DeviceOutcome>().Where(d => d.TenantId == subject.TenantId && ids.Contains(d.RolloutId));
        if (subject.DeviceId is not { } device)
        {
            return subject.UserId is null && subject.Upn is null
                ? []
                : await rows.Where(d => (subject.UserId != null && d.UserId == subject.UserId) || (subject.Upn != null && d.Upn == subject.Upn)).ToListAsync(ct);
        }

        var known = await rows.Where(d => d.DeviceId == device).ToListAsync(ct);
        var unknownTo = UnknownTo(counted, known);
        if (unknownTo.Count > 0)
        {
            known.AddRange(await JoinThroughUserAsync(subject, device, unknownTo, now, ct));
        }

        return known;
    }

    /// <summary>
    /// The rollouts a device may join through its user: the live ones when it is known in none of them (so a completed
    /// rollout that knows it does not keep it out of a newer live one), and apart from those the completed ones likewise.
    /// </summary>
    private static List<Guid> UnknownTo(List<CountedRollout> counted, List<DeviceOutcome> known)
    {
        var knownIn = known.Select(k => k.RolloutId).ToHashSet();
        return counted.GroupBy(r => r.Completed).Where(g => !g.Any(r => knownIn.Contains(r.Id))).SelectMany(g => g).Select(r => r.Id).ToList();
    }

    /// <summary>The device of a member user that Graph did not list (no registered owner yet) joins the user's ring.</summary>
    private async Task<List<DeviceOutcome>> JoinThroughUserAsync(DeviceSubject subject, Guid device, List<Guid> rollouts, DateTimeOffset now, CancellationToken ct)
    {
        var user = subject.UserId?.ToString();
        if (user is null && subject.Upn is null)
        {
            return [];
        }

        var rings = await db.Set<RolloutRing>().AsNoTracking()
            .Where(r => rollouts.Contains(r.RolloutId) && r.AssignedAt != null
                && ((user != null && r.MemberUserIds.Contains(user)) || (subject.Upn != null && r.MemberUpns.Contains(subject.Upn))))
            .ToListAsync(ct);
        var joined = rings.GroupBy(r => r.RolloutId).Select(g => g.MinBy(r => r.Index)!).Select(ring => new DeviceOutcome
        {
            RolloutId = ring.RolloutId,
            DeviceId = device,
            TenantId = subject.TenantId,
            RingIndex = ring.Index,
            UpdatedAt = now,
        }).ToList();
        db.AddRange(joined);
        return joined;
    }
}
