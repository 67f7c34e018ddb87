using System.Text.Json;
using System.Text.Json.Serialization;

namespace Whfb.Simulator.Fleet;

/// <summary>Reads a scenario by name (Scenarios/&lt;name&gt;.json beside the app) or by path.</summary>
public static class ScenarioLoader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Scenario Load(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrPath);
        var path = File.Exists(nameOrPath) ? nameOrPath : Path.Combine(AppContext.BaseDirectory, "Scenarios", nameOrPath + ".json");
        return Parse(File.ReadAllText(path));
    }

    public static Scenario Parse(string json) =>
        JsonSerializer.Deserialize<Scenario>(json, Options) ?? throw new InvalidDataException("Empty scenario");
}
