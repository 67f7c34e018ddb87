namespace Whfb.DeviceReports.Dsregcmd;

/// <summary>
/// Parses the text of <c>dsregcmd /status</c>. Never throws: anything it does not understand is
/// kept (unknown sections, unknown lines) and reported as a warning.
/// </summary>
public static class DsregcmdParser
{
    /// <summary>
    /// Most unrecognised lines kept (and warned about) per text; beyond it they are only counted, so a hostile text
    /// of millions of junk lines cannot make the result, and every message built from it, that large. Real output has
    /// a handful.
    /// </summary>
    public const int MaxKeptLines = 1000;

    public static DsregcmdStatus Parse(string? text)
    {
        var state = new DsregcmdParseState();
        var number = 0;
        foreach (var line in (text ?? "").AsSpan().EnumerateLines())
            state.Add(++number, line);
        return DsregcmdStatus.From(state.Sections(), state.UnknownLines, state.AllWarnings());
    }
}
