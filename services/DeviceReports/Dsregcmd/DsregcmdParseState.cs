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

    public List<DsregcmdLine> UnknownLines { get; } = [];
    public List<DsregcmdWarning> Warnings { get; } = [];

    public IReadOnlyList<DsregcmdSection> Sections() =>
        _sections.Select(s => new DsregcmdSection(s.Name, DsregcmdLineSyntax.KindOf(s.Name), s.Line, s.Fields)).ToList();

    public void Add(int number, ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        var indent = line.Length - line.TrimStart().Length;
        if (trimmed.IsEmpty)
        {
            _valueColumn = -1;
            return;
        }

        if (DsregcmdLineSyntax.IsBanner(trimmed))
        {
            _valueColumn = -1;
            return;
        }

        if (DsregcmdLineSyntax.TryTitle(trimmed, out var title))
        {
            OpenSection(number, title.ToString());
            return;
        }

        var isField = DsregcmdLineSyntax.TrySplitField(trimmed, out var name, out var value);
        if (_valueColumn >= 0 && indent > 0 && (!isField || (indent >= _valueColumn && _valueColumn >= AlignedColumn)))
        {
            Continue(trimmed);
            return;
        }

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
        _valueColumn = -1;
    }

    private void Continue(ReadOnlySpan<char> trimmed)
    {
        var last = _fields![^1];
        var joined = last.Value.Length == 0 ? trimmed.ToString() : string.Concat(last.Value, "\n", trimmed);
        _fields[^1] = last with { Value = joined };
    }

    private void Unknown(int number, ReadOnlySpan<char> trimmed, bool looksLikeField)
    {
        var text = trimmed.ToString();
        UnknownLines.Add(new DsregcmdLine(number, text, _sectionName));
        _valueColumn = -1;
        if (looksLikeField)
            Warnings.Add(new DsregcmdWarning(number, "Field outside any section"));
        else if (!trimmed.StartsWith("For more information", StringComparison.OrdinalIgnoreCase))
            Warnings.Add(new DsregcmdWarning(number, "Unrecognised line"));
    }
}
