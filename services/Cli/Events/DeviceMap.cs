namespace Whfb.Cli.Events;

/// <summary>
/// Computer names to Entra device ids, from a CSV with a name column and a device id column, e.g. what
/// <c>Get-MgDevice -All | Select-Object DisplayName, DeviceId | Export-Csv devices.csv</c> writes. A computer matches by
/// its host name or its full name, ignoring case (hybrid-joined devices are named in Entra ID by their host name).
/// </summary>
public sealed class DeviceMap
{
    private static readonly string[] NameColumns = ["displayName", "computer", "deviceName", "name", "machineName"];
    private readonly Dictionary<string, Guid> _byName = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _byName.Count;

    public static DeviceMap Parse(IEnumerable<string> lines)
    {
        var map = new DeviceMap();
        int nameColumn = 0, idColumn = 1;
        var first = true;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith("#TYPE", StringComparison.Ordinal))
                continue;
            var cells = line.Split(',').Select(c => c.Trim().Trim('"').Trim()).ToArray();
            if (first && !cells.Any(c => Guid.TryParse(c, out _)))
            {
                nameColumn = Math.Max(0, Array.FindIndex(cells, c => NameColumns.Contains(c, StringComparer.OrdinalIgnoreCase)));
                idColumn = Math.Max(0, Array.FindIndex(cells, c => c.Equals("deviceId", StringComparison.OrdinalIgnoreCase)));
                first = false;
                continue;
            }

            first = false;
            if (cells.Length > Math.Max(nameColumn, idColumn) && Guid.TryParse(cells[idColumn], out var id) && cells[nameColumn].Length > 0)
                map._byName.TryAdd(cells[nameColumn], id);
        }

        return map;
    }

    public Guid? DeviceIdOf(string? computer)
    {
        if (string.IsNullOrWhiteSpace(computer))
            return null;
        computer = computer.Trim();
        if (_byName.TryGetValue(computer, out var id))
            return id;
        var dot = computer.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && _byName.TryGetValue(computer[..dot], out id) ? id : null;
    }
}
