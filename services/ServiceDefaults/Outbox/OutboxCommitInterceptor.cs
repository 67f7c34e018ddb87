using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Whfb.ServiceDefaults.Outbox;

/// <summary>An explicit transaction committed: outbox rows it wrote are now visible, so wake the dispatcher.</summary>
internal sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        signal.Notify();
}
