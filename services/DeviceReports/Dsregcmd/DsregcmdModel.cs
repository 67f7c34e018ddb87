using System.Text.Json.Serialization;

namespace Whfb.DeviceReports.Dsregcmd;

[JsonConverter(typeof(JsonStringEnumConverter<DsregcmdSectionKind>))]
public enum DsregcmdSectionKind
{
    Unknown,
    DeviceState,
    DeviceDetails,
    TenantDetails,
    UserState,
    SsoState,
    DiagnosticData,
    NgcPrerequisiteCheck,
}

/// <summary>One <c>Name : Value</c> line; continuation lines are joined to the value with line feeds.</summary>
public sealed record DsregcmdField(string Name, string Value, int Line);

/// <summary>A section between banners, its fields in output order.</summary>
public sealed record DsregcmdSection(string Name, DsregcmdSectionKind Kind, int Line, IReadOnlyList<DsregcmdField> Fields);

/// <summary>A line that is neither banner, title nor field, kept as it was (Section is null outside any section).</summary>
public sealed record DsregcmdLine(int Line, string Text, string? Section);

public sealed record DsregcmdWarning(int Line, string Message);
