namespace Whfb.Policy.Consumers;

/// <summary>
/// One telemetry transaction at a time in this process. The batches of one device's 358, 300 and policy-state events
/// arrive on different endpoints at once and touch the same outcome rows: run side by side they deadlock or fail their
/// row version and go round the retry intervals, which is slower than taking turns. Across instances the row version
/// and the retries still decide.
/// </summary>
public sealed class OutcomeWriteGate : IDisposable
{
    private readonly SemaphoreSlim turn = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await turn.WaitAsync(ct);
        return new Turn(turn);
    }

    public void Dispose() => turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}
