namespace Whfb.Simulator.Intune.Catalog;

/// <summary>The tenant's settings catalog (configurationSettings): definitions by id, exactly as Intune spells them.</summary>
public sealed class SettingCatalog
{
    private readonly Dictionary<string, SettingDefinition> _definitions =
        PassportForWorkDefinitions.All().ToDictionary(d => d.Id, StringComparer.Ordinal);

    public IEnumerable<SettingDefinition> All => _definitions.Values;

    /// <summary>The definition with exactly this id (ids are matched case-sensitively, as the catalog's keys are).</summary>
    public SettingDefinition? Find(string id) => _definitions.GetValueOrDefault(id);
}
