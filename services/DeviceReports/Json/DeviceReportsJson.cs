using System.Text.Json;
using System.Text.Json.Serialization;

namespace Whfb.DeviceReports.Json;

/// <summary>How this library's results are meant to be written as JSON (the CLI prints them with these).</summary>
public static class DeviceReportsJson
{
    /// <summary>camelCase properties, enums as their names (as on the wire), nulls left out, indented.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter()); // same names as on the wire
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
