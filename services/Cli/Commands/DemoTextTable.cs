using System.Text;

namespace Whfb.Cli.Commands;

/// <summary>Plain aligned text tables: the same in a terminal, a log file or a CI job (no colours, no box drawing).</summary>
internal sealed class DemoTextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public DemoTextTable Add(params object?[] cells)
    {
        _rows.Add(cells.Select(c => c?.ToString() ?? "").ToArray());
        return this;
    }

    public void WriteTo(StringBuilder text, string indent = "  ")
    {
        ArgumentNullException.ThrowIfNull(text);
        var widths = headers.Select((h, i) => _rows.Select(r => i < r.Length ? r[i].Length : 0).Prepend(h.Length).Max()).ToArray();
        void Line(IReadOnlyList<string> cells) =>
            text.Append((indent + string.Join("  ", widths.Select((w, i) => (i < cells.Count ? cells[i] : "").PadRight(w)))).TrimEnd()).Append('\n');
        Line(headers);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in _rows)
        {
            Line(row);
        }

        if (_rows.Count == 0)
        {
            text.Append(indent).Append("(none)\n");
        }
    }
}
