using System.Globalization;
using System.Text.Json.Nodes;

namespace Whfb.Simulator.Intune;

/// <summary>
/// One kind of Intune policy resource (configurationPolicies or deviceConfigurations) kept as the JSON
/// clients sent, with server-set id and timestamps, plus assignments and per-device statuses.
/// </summary>
public sealed class IntuneCollection(string name, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, JsonObject> _items = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<JsonObject>> _assignments = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, JsonObject>> _statuses = new(StringComparer.OrdinalIgnoreCase);

    public string Name { get; } = name;

    public JsonObject Create(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var item = (JsonObject)body.DeepClone();
        var now = Now();
        item["id"] = Guid.NewGuid().ToString();
        item["createdDateTime"] = now;
        item["lastModifiedDateTime"] = now;
        lock (_lock)
        {
            _items[item["id"]!.GetValue<string>()] = item;
            _assignments[item["id"]!.GetValue<string>()] = [];
            return (JsonObject)item.DeepClone();
        }
    }

    public JsonObject? Get(string id)
    {
        lock (_lock)
        {
            return _items.TryGetValue(id, out var item) ? (JsonObject)item.DeepClone() : null;
        }
    }

    public IReadOnlyList<JsonObject> List()
    {
        lock (_lock)
        {
            return _items.Values.Select(i => (JsonObject)i.DeepClone()).ToList();
        }
    }

    /// <summary>PATCH merges top-level properties; PUT (<paramref name="replace"/>) swaps the whole body.</summary>
    public bool Update(string id, JsonObject body, bool replace)
    {
        ArgumentNullException.ThrowIfNull(body);
        lock (_lock)
        {
            if (!_items.TryGetValue(id, out var item))
            {
                return false;
            }

            var updated = replace ? new JsonObject { ["id"] = id, ["createdDateTime"] = item["createdDateTime"]?.DeepClone() } : item;
            foreach (var (key, value) in body.Where(p => p.Key is not ("id" or "createdDateTime")))
            {
                updated[key] = value?.DeepClone();
            }

            updated["lastModifiedDateTime"] = Now();
            _items[id] = updated;
            return true;
        }
    }

    public bool Delete(string id)
    {
        lock (_lock)
        {
            _assignments.Remove(id);
            _statuses.Remove(id);
            return _items.Remove(id);
        }
    }

    /// <summary>Replaces the assignments (what /assign does); null when the resource does not exist.</summary>
    public IReadOnlyList<JsonObject>? Assign(string id, IEnumerable<JsonObject> assignments)
    {
        lock (_lock)
        {
            if (!_items.ContainsKey(id))
            {
                return null;
            }

            _assignments[id] = assignments.Select(a => WithId(id, a)).ToList();
            return _assignments[id].Select(a => (JsonObject)a.DeepClone()).ToList();
        }
    }

    public IReadOnlyList<JsonObject>? Assignments(string id)
    {
        lock (_lock)
        {
            return _assignments.TryGetValue(id, out var list) ? list.Select(a => (JsonObject)a.DeepClone()).ToList() : null;
        }
    }

    /// <summary>Group ids that the resource is assigned to (group assignment targets only).</summary>
    public IReadOnlyList<string> AssignedGroups(string id) =>
        (Assignments(id) ?? []).Select(a => a["target"]?["groupId"]?.GetValue<string>()).OfType<string>().ToList();

    /// <summary>Records a device's status for the resource (deviceStatuses).</summary>
    public void SetDeviceStatus(string id, JsonObject status)
    {
        ArgumentNullException.ThrowIfNull(status);
        lock (_lock)
        {
            var key = status["id"]?.GetValue<string>() ?? Guid.NewGuid().ToString();
            if (!_statuses.TryGetValue(id, out var statuses))
            {
                _statuses[id] = statuses = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
            }

            statuses[key] = (JsonObject)status.DeepClone();
        }
    }

    public IReadOnlyList<JsonObject>? DeviceStatuses(string id)
    {
        lock (_lock)
        {
            return !_items.ContainsKey(id) ? null
                : (_statuses.GetValueOrDefault(id)?.Values ?? Enumerable.Empty<JsonObject>()).Select(s => (JsonObject)s.DeepClone()).ToList();
        }
    }

    private static JsonObject WithId(string id, JsonObject assignment)
    {
        var copy = (JsonObject)assignment.DeepClone();
        copy["id"] ??= $"{id}_{assignment["target"]?["groupId"]?.GetValue<string>() ?? Guid.NewGuid().ToString()}";
        return copy;
    }

    private string Now() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}
