namespace Whfb.DeviceReports.Dsregcmd;

/// <summary>Recognises the kinds of line in <c>dsregcmd /status</c>, tolerant of uneven widths and missing spaces.</summary>
internal static class DsregcmdLineSyntax
{
    private const int MaxNameLength = 48;

    /// <summary><c>+----…----+</c> of any width (also without the plus signs, or drawn with '=').</summary>
    public static bool IsBanner(ReadOnlySpan<char> trimmed) =>
        trimmed.Length >= 3 && trimmed.IndexOfAnyExcept("+-=") < 0 && trimmed.Count('+') < trimmed.Length - 2;

    /// <summary><c>| Section Name |</c>, the closing bar optional.</summary>
    public static bool TryTitle(ReadOnlySpan<char> trimmed, out ReadOnlySpan<char> name)
    {
        name = default;
        if (trimmed.IsEmpty || trimmed[0] != '|')
            return false;
        name = trimmed[1..].TrimEnd('|').Trim();
        return true;
    }

    /// <summary>
    /// <c>Name : Value</c>, <c>Name:Value</c> or <c>Name :</c>. The first colon separates, so values
    /// keep theirs (URLs, times). A name starts with a letter and holds letters, digits, spaces and
    /// a few symbols; a line whose first colon begins "://" is a bare URL, not a field.
    /// </summary>
    public static bool TrySplitField(ReadOnlySpan<char> trimmed, out ReadOnlySpan<char> name, out ReadOnlySpan<char> value)
    {
        name = value = default;
        var colon = trimmed.IndexOf(':');
        if (colon <= 0 || trimmed[(colon + 1)..].StartsWith("//"))
            return false;
        name = trimmed[..colon].TrimEnd();
        value = trimmed[(colon + 1)..].Trim();
        return IsName(name);
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > MaxNameLength || !char.IsAsciiLetter(name[0]))
            return false;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not (' ' or '-' or '_' or '(' or ')' or '/' or '\''))
                return false;
        }

        return name.Count(' ') <= 5;
    }

    /// <summary>Section name to kind, ignoring case and spaces.</summary>
    public static DsregcmdSectionKind KindOf(string name) => Key(name) switch
    {
        "devicestate" => DsregcmdSectionKind.DeviceState,
        "devicedetails" => DsregcmdSectionKind.DeviceDetails,
        "tenantdetails" => DsregcmdSectionKind.TenantDetails,
        "userstate" => DsregcmdSectionKind.UserState,
        "ssostate" => DsregcmdSectionKind.SsoState,
        "diagnosticdata" => DsregcmdSectionKind.DiagnosticData,
        "ngcprerequisitecheck" => DsregcmdSectionKind.NgcPrerequisiteCheck,
        _ => DsregcmdSectionKind.Unknown,
    };

    /// <summary>Letters and digits only, lower case: "Client ErrorCode" and "clienterrorcode" compare equal.</summary>
    public static string Key(ReadOnlySpan<char> name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 128)];
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) && length < buffer.Length)
                buffer[length++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..length]);
    }
}
