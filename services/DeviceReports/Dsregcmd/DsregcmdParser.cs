namespace Whfb.DeviceReports.Dsregcmd;

/// <summary>
/// Parses the text of <c>dsregcmd /status</c>. Never throws: anything it does not understand is
/// kept (unknown sections, unknown lines) and reported as a warning.
/// </summary>
public static class DsregcmdParser
{
    public static DsregcmdStatus Parse(string? text)
    {
        var state = new DsregcmdParseState();
        var number = 0;
        foreach (var line in (text ?? "").AsSpan().EnumerateLines())
            state.Add(++number, line);
        return DsregcmdStatus.From(state.Sections(), state.UnknownLines, state.Warnings);
    }
}
