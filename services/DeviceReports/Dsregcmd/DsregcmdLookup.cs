using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Dsregcmd;

/// <summary>
/// Finds a field by name (ignoring case and spaces) in its expected section first, then in any
/// section (mangled output may lose a title), and converts it.
/// </summary>
internal sealed class DsregcmdLookup(IReadOnlyList<DsregcmdSection> sections)
{
    public string? Text(DsregcmdSectionKind kind, string name)
    {
        var key = DsregcmdLineSyntax.Key(name);
        return Find(kind, key, sameKind: true) ?? Find(kind, key, sameKind: false);
    }

    public bool? YesNo(DsregcmdSectionKind kind, string name) => Text(kind, name)?.ToUpperInvariant() switch
    {
        "YES" or "TRUE" => true,
        "NO" or "FALSE" => false,
        _ => null,
    };

    public Guid? Guid(DsregcmdSectionKind kind, string name) =>
        System.Guid.TryParse(Text(kind, name), out var id) ? id : null;

    /// <summary>Times as dsregcmd prints them: <c>2019-01-24 19:15:26.000 UTC</c>.</summary>
    public DateTimeOffset? Time(DsregcmdSectionKind kind, string name)
    {
        var text = Text(kind, name);
        if (text is null)
            return null;
        if (text.EndsWith("UTC", StringComparison.OrdinalIgnoreCase))
            text = text[..^3];
        return JsonValues.TryTime(text, out var time) ? time : null;
    }

    public bool HasSection(DsregcmdSectionKind kind) => sections.Any(s => s.Kind == kind);

    private string? Find(DsregcmdSectionKind kind, string key, bool sameKind)
    {
        foreach (var section in sections)
        {
            if ((section.Kind == kind) != sameKind)
                continue;
            foreach (var field in section.Fields)
            {
                if (DsregcmdLineSyntax.Key(field.Name) == key)
                    return field.Value.Length == 0 ? null : field.Value;
            }
        }

        return null;
    }
}
