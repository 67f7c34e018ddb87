using System.Text.Json.Nodes;

namespace Whfb.Simulator.Intune.Catalog;

/// <summary>
/// Checks the settings of a configurationPolicy body against the catalog, as Intune does before it stores a policy: every
/// setting instance must name a known definition (children only under their group), with the instance type of its kind,
/// and a choice must pick one of the definition's options. The first problem is returned, in Intune's words where known.
/// </summary>
public static class PolicySettingsCheck
{
    public static string? Problem(JsonObject policy, SettingCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(catalog);
        if (policy["settings"] is not JsonArray settings)
        {
            return null;
        }

        return settings.Select(s => Instance(s?["settingInstance"], null, catalog)).FirstOrDefault(p => p is not null);
    }

    private static string? Instance(JsonNode? instance, SettingDefinition? parent, SettingCatalog catalog)
    {
        if (instance?["settingDefinitionId"]?.GetValue<string>() is not { } id)
        {
            return "A setting instance has no settingDefinitionId.";
        }

        if (catalog.Find(id) is not { } definition || (parent is not null && !parent.ChildIds.Contains(id, StringComparer.Ordinal)))
        {
            return parent is null
                ? $"Setting definition with id '{id}' was not found."
                : $"Setting definition with id '{id}' was not found under '{parent.Id}'.";
        }

        if (instance["@odata.type"]?.GetValue<string>() is { } type && !string.Equals(type, definition.InstanceType, StringComparison.Ordinal))
        {
            return $"Setting instance of type '{type}' does not match setting definition '{id}' (expected '{definition.InstanceType}').";
        }

        return definition.Kind == SettingKind.Choice ? Choice(instance, definition) : Group(instance, definition, catalog);
    }

    private static string? Choice(JsonNode instance, SettingDefinition definition)
    {
        var value = instance["choiceSettingValue"]?["value"]?.GetValue<string>();
        return definition.Options.Any(o => string.Equals(o.ItemId, value, StringComparison.Ordinal))
            ? null
            : $"Selected Option {value ?? "(none)"} does not match with the list of expected options: {string.Join(", ", definition.Options.Select(o => o.ItemId))}";
    }

    private static string? Group(JsonNode instance, SettingDefinition definition, SettingCatalog catalog) =>
        (instance["groupSettingCollectionValue"] as JsonArray ?? [])
            .SelectMany(value => value?["children"] as JsonArray ?? [])
            .Select(child => Instance(child, definition, catalog))
            .FirstOrDefault(p => p is not null);
}
