using System.Text;

namespace Whfb.DeviceReports.Dsregcmd;

/// <summary>The line-by-line state of one parse: open section, last field (for continuation lines).</summary>
internal sealed class DsregcmdParseState
{
    private readonly List<(string Name, int Line, List<DsregcmdField> Fields)> _sections = [];
    private List<DsregcmdField>? _fields;
    private string? _sectionName;
    // Column where the last field's value starts; -1 = no field to continue. A line indented to
    // that column continues the value even if it holds a colon, but only in an aligned layout.
    private const int AlignedColumn = 16;
    private int _valueColumn = -1;
    // The last field's value while continuation lines join it: appended to, written back once it ends, so a value of
    // many lines costs its length, not its length per line.
    private StringBuilder? _continued;
    private int _droppedLines;

    public List<DsregcmdLine> UnknownLines { get; } = [];
    public List<DsregcmdWarning> Warnings { get; } = [];

    public IReadOnlyList<DsregcmdSection> Sections()
    {
        EndContinuation();
        return _sections.Select(s => new DsregcmdSection(s.Name, DsregcmdLineSyntax.KindOf(s.Name), s.Line, s.Fields)).ToList();
    }

    public IReadOnlyList<DsregcmdWarning> AllWarnings() => _droppedLines == 0
        ? Warnings
        : [.. Warnings, new DsregcmdWarning(0, $"{_droppedLines} more unrecognised lines were not kept")];

    public void Add(int number, ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        var indent = line.Length - line.TrimStart().Length;
        if (!trimmed.IsEmpty && !DsregcmdLineSyntax.IsBanner(trimmed) && !DsregcmdLineSyntax.TryTitle(trimmed, out _))
        {
            var isField = DsregcmdLineSyntax.TrySplitField(trimmed, out var name, out var value);
            if (_valueColumn >= 0 && indent > 0 && (!isField || (indent >= _valueColumn && _valueColumn >= AlignedColumn)))
            {
                Continue(trimmed);
                return;
            }

            EndContinuation();
            AddLine(number, trimmed, indent, isField, name, value);
            return;
        }

        EndContinuation();
        _valueColumn = -1;
        if (DsregcmdLineSyntax.TryTitle(trimmed, out var title))
            OpenSection(number, title.ToString());
    }

    private void AddLine(int number, ReadOnlySpan<char> trimmed, int indent, bool isField, ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        if (isField && _fields is not null)
        {
            _fields.Add(new DsregcmdField(name.ToString(), value.ToString(), number));
            _valueColumn = indent + trimmed.Length - value.Length;
            return;
        }

        Unknown(number, trimmed, isField);
    }

    private void OpenSection(int number, string name)
    {
        if (name.Length == 0)
            Warnings.Add(new DsregcmdWarning(number, "Section title without a name"));
        _fields = [];
        _sectionName = name;
        _sections.Add((name, number, _fields));
    }

    private void Continue(ReadOnlySpan<char> trimmed)
    {
        _continued ??= new StringBuilder(_fields![^1].Value);
        if (_continued.Length > 0)
            _continued.Append('\n');
        _continued.Append(trimmed);
    }

    private void EndContinuation()
    {
        if (_continued is null)
            return;
        _fields![^1] = _fields[^1] with { Value = _continued.ToString() };
        _continued = null;
    }

    private void Unknown(int number, ReadOnlySpan<char> trimmed, bool looksLikeField)
    {
        _valueColumn = -1;
        if (UnknownLines.Count >= DsregcmdParser.MaxKeptLines)
        {
            _droppedLines++;
            return;
        }

        UnknownLines.Add(new DsregcmdLine(number, trimmed.ToString(), _sectionName));
        if (looksLikeField)
            Warnings.Add(new DsregcmdWarning(number, "Field outside any section"));
        else if (!trimmed.StartsWith("For more information", StringComparison.OrdinalIgnoreCase))
            Warnings.Add(new DsregcmdWarning(number, "Unrecognised line"));
    }
}
