namespace Whfb.GraphClient.Access;

/// <summary>A feature that stopped because Graph refused it, since when, and Graph's words.</summary>
public sealed record MissingAccess(GraphFeature Feature, GraphDenial Denial, DateTimeOffset Since)
{
    /// <summary>What to grant, as an operator reads it: the least privileged permission, or the licence.</summary>
    public IReadOnlyList<string> Remedy => Denial.Kind == DenialKind.Licence && Feature.Licence is { } licence
        ? [licence]
        : [Feature.LeastPrivileged];

    public override string ToString() =>
        $"{Feature.Name}: needs {string.Join(" or ", Remedy)} (since {Since:u}; Graph said {Denial.Code})";
}

/// <summary>A feature's access changed: it became denied (<see cref="Opened"/>) or works again.</summary>
public sealed record GraphAccessChange(GraphFeature Feature, bool Opened, MissingAccess Missing, DateTimeOffset At);

/// <summary>
/// Which of a service's Graph features are denied right now. A refusal opens an episode once and later refusals of the
/// same feature change nothing; the first success closes it. The service turns the returned changes into its health,
/// its alert events and its log, so that a missing permission is said once instead of retried forever.
/// </summary>
public sealed class GraphAccessState(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, MissingAccess> _missing = new(StringComparer.Ordinal);

    public IReadOnlyList<MissingAccess> Missing
    {
        get
        {
            lock (_lock)
            {
                return [.. _missing.Values.OrderBy(m => m.Feature.Name, StringComparer.Ordinal)];
            }
        }
    }

    public bool IsDenied(GraphFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        lock (_lock)
        {
            return _missing.ContainsKey(feature.Name);
        }
    }

    /// <summary>Records a refusal; a change only when the feature was not already denied.</summary>
    public GraphAccessChange? Denied(GraphFeature feature, GraphDenial denial)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_missing.ContainsKey(feature.Name))
            {
                return null;
            }

            var missing = new MissingAccess(feature, denial, now);
            _missing[feature.Name] = missing;
            return new GraphAccessChange(feature, true, missing, now);
        }
    }

    /// <summary>Records a success; a change only when the feature was denied until now.</summary>
    public GraphAccessChange? Allowed(GraphFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        lock (_lock)
        {
            return _missing.Remove(feature.Name, out var missing) ? new GraphAccessChange(feature, false, missing, time.GetUtcNow()) : null;
        }
    }

    /// <summary>Puts back an episode a previous process opened (from the service's own store), so its success still closes it.</summary>
    public void Resume(MissingAccess missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        lock (_lock)
        {
            _missing.TryAdd(missing.Feature.Name, missing);
        }
    }
}
