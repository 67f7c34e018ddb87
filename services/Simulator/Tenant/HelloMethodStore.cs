namespace Whfb.Simulator.Tenant;

/// <summary>Windows Hello for Business methods per user (thread-safe), in registration order.</summary>
public sealed class HelloMethodStore
{
    private readonly Lock _lock = new();
    private readonly List<HelloMethod> _methods = [];

    public HelloMethod Add(HelloMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        lock (_lock)
        {
            _methods.Add(method);
        }
        return method;
    }

    public bool Delete(string userId, string methodId)
    {
        lock (_lock)
        {
            return _methods.RemoveAll(m => Same(m.UserId, userId) && Same(m.Id, methodId)) > 0;
        }
    }

    public IReadOnlyList<HelloMethod> ForUser(string userId)
    {
        lock (_lock)
        {
            return _methods.Where(m => Same(m.UserId, userId)).ToList();
        }
    }

    public HelloMethod? Find(string userId, string methodId)
    {
        lock (_lock)
        {
            return _methods.FirstOrDefault(m => Same(m.UserId, userId) && Same(m.Id, methodId));
        }
    }

    public IReadOnlyList<HelloMethod> All()
    {
        lock (_lock)
        {
            return _methods.ToList();
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
