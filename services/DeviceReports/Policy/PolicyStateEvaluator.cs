using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Normalization;

namespace Whfb.DeviceReports.Policy;

/// <summary>
/// Derives the verdict on a device's WHfB policy: GPO wins over MDM (and MDM is then ignored
/// entirely); within a channel the user scope wins over the computer/device scope.
/// </summary>
public static class PolicyStateEvaluator
{
    public const string ReportKind = "policy";
    public const string UsePassportForWork = "UsePassportForWork";
    public const string RequireSecurityDevice = "RequireSecurityDevice";

    private static readonly PolicyScope[] GpoOrder = [PolicyScope.UserGpo, PolicyScope.ComputerGpo];
    private static readonly PolicyScope[] MdmOrder = [PolicyScope.UserMdm, PolicyScope.DeviceMdm];

    public static PolicyStateReported Evaluate(Guid tenantId, PolicyStateInput input)
    {
        var gpo = input.Values.Where(v => IsGpo(v.Scope)).ToList();
        var mdm = input.Values.Where(v => !IsGpo(v.Scope)).ToList();
        var source = gpo.Count > 0 ? DevicePolicySource.Gpo : mdm.Count > 0 ? DevicePolicySource.Mdm : DevicePolicySource.None;
        var winning = source == DevicePolicySource.Gpo ? (gpo, GpoOrder) : (mdm, MdmOrder);
        return new PolicyStateReported(
            DeterministicIds.ForReport(tenantId, input.DeviceId, ReportKind, input.CollectedAt),
            tenantId,
            input.DeviceId,
            input.CollectedAt,
            source,
            gpo.Count > 0 && mdm.Count > 0,
            AsBool(Effective(winning.Item1, winning.Item2, UsePassportForWork)),
            AsBool(Effective(winning.Item1, winning.Item2, RequireSecurityDevice)),
            Conflicts(gpo, mdm),
            input.Values);
    }

    /// <summary>The setting a value configures: GPO calls UsePassportForWork "Enabled".</summary>
    public static string SettingOf(PolicySettingValue value) =>
        IsGpo(value.Scope) && value.Name.Equals("Enabled", StringComparison.OrdinalIgnoreCase) ? UsePassportForWork : value.Name;

    private static bool IsGpo(PolicyScope scope) => scope is PolicyScope.ComputerGpo or PolicyScope.UserGpo;

    private static string? Effective(List<PolicySettingValue> values, PolicyScope[] order, string setting) =>
        order.Select(scope => values.FirstOrDefault(v => v.Scope == scope
                && SettingOf(v).Equals(setting, StringComparison.OrdinalIgnoreCase))?.Value)
            .FirstOrDefault(v => v is not null);

    private static List<string> Conflicts(List<PolicySettingValue> gpo, List<PolicySettingValue> mdm) =>
        gpo.Select(SettingOf).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(setting => Effective(gpo, GpoOrder, setting) is { } g && Effective(mdm, MdmOrder, setting) is { } m && !SameValue(g, m))
            .ToList();

    private static bool SameValue(string a, string b) =>
        AsBool(a) is { } x && AsBool(b) is { } y ? x == y : a.Trim().Equals(b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool? AsBool(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "1" or "true" or "yes" => true,
        "0" or "false" or "no" => false,
        _ => null,
    };
}
