namespace Whfb.Testing;

/// <summary>Waits for an asynchronous effect (a consumer, a dispatcher) with a deadline instead of a fixed sleep.</summary>
public static class Eventually
{
    public static async Task Async(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {limit}");
            }

            await Task.Delay(100);
        }
    }
}
