using System.Text.Json.Nodes;

namespace Whfb.Simulator.Graph.OData;

/// <summary>$select: keeps the listed properties (plus id and @odata annotations), case-insensitively.</summary>
public static class ODataSelect
{
    public static JsonObject Apply(JsonObject item, string? select)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (string.IsNullOrWhiteSpace(select))
        {
            return item;
        }

        var wanted = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var result = new JsonObject();
        foreach (var (key, value) in item)
        {
            if (wanted.Contains(key) || key == "id" || key.StartsWith('@'))
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }
}
