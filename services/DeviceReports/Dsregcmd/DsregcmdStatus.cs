using Whfb.Contracts.Devices;

namespace Whfb.DeviceReports.Dsregcmd;

/// <summary>
/// The parsed <c>dsregcmd /status</c>: typed views of the fields that matter, the derived join
/// type, and everything as printed (sections with ordered fields, unknown lines, warnings).
/// Serializes cleanly with System.Text.Json (see <see cref="Json.DeviceReportsJson"/>).
/// </summary>
public sealed record DsregcmdStatus(
    DeviceJoinType JoinType,
    DsregcmdDeviceState DeviceState,
    DsregcmdDeviceDetails DeviceDetails,
    DsregcmdTenantDetails TenantDetails,
    DsregcmdUserState UserState,
    DsregcmdSsoState SsoState,
    DsregcmdDiagnostics Diagnostics,
    DsregcmdNgcPrerequisites? NgcPrerequisites,
    IReadOnlyList<DsregcmdSection> Sections,
    IReadOnlyList<DsregcmdLine> UnknownLines,
    IReadOnlyList<DsregcmdWarning> Warnings)
{
    /// <summary>Any field by section and name (case and spaces ignored), e.g. ("Tenant Details", "MdmUrl").</summary>
    public string? Field(string section, string name)
    {
        var sectionKey = DsregcmdLineSyntax.Key(section);
        var nameKey = DsregcmdLineSyntax.Key(name);
        return Sections.Where(s => DsregcmdLineSyntax.Key(s.Name) == sectionKey)
            .SelectMany(s => s.Fields)
            .FirstOrDefault(f => DsregcmdLineSyntax.Key(f.Name) == nameKey)?.Value;
    }

    internal static DsregcmdStatus From(IReadOnlyList<DsregcmdSection> sections, IReadOnlyList<DsregcmdLine> unknown, IReadOnlyList<DsregcmdWarning> warnings)
    {
        var lookup = new DsregcmdLookup(sections);
        var device = DsregcmdDeviceState.From(lookup);
        var user = DsregcmdUserState.From(lookup);
        return new DsregcmdStatus(
            JoinTypes.Derive(device, user), device, DsregcmdDeviceDetails.From(lookup), DsregcmdTenantDetails.From(lookup),
            user, DsregcmdSsoState.From(lookup), DsregcmdDiagnostics.From(lookup), DsregcmdNgcPrerequisites.From(lookup),
            sections, unknown, warnings);
    }
}
