using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Whfb.Cli.Commands;

/// <summary>
/// A table of the demo summary, drawn by Spectre.Console: with borders (and colours where the terminal has them) when
/// whfb writes to an interactive terminal, as plain aligned text otherwise (output redirected to a file or a pipe, CI,
/// tests): a header, a line of dashes, one line per row, no box drawing and no escape codes, never wrapped.
/// </summary>
internal sealed class DemoTable(params string[] headers)
{
    /// <summary>Plain text lines are never wrapped: a row stays one line in a log.</summary>
    private const int PlainWidth = 1024;

    private readonly List<string[]> _rows = [];

    /// <summary>Whether tables are drawn for a terminal (decided once from the console whfb writes to).</summary>
    public static bool ForTerminal { get; set; } = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public DemoTable Add(params object?[] cells)
    {
        _rows.Add(cells.Select(c => c?.ToString() ?? "").ToArray());
        return this;
    }

    public void WriteTo(StringBuilder text, string indent = "  ")
    {
        ArgumentNullException.ThrowIfNull(text);
        var table = new Table { Border = ForTerminal ? TableBorder.Rounded : PlainBorder.Instance };
        // Plain: no padding, the border's two-space gaps part the columns and the dashes stay under the text.
        table.AddColumns(headers.Select(h => new TableColumn(new Text(h)) { Padding = ForTerminal ? new Padding(1, 0) : new Padding(0, 0) }).ToArray());
        foreach (var row in _rows)
        {
            table.AddRow(headers.Select((_, i) => (IRenderable)new Text(i < row.Length ? row[i] : "")).ToArray());
        }

        var lines = Render(table).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        var margin = ForTerminal ? 0 : lines.Min(l => l.Length - l.TrimStart().Length);
        foreach (var line in lines)
        {
            text.Append(indent).Append(line[margin..]).Append('\n');
        }

        if (_rows.Count == 0)
        {
            text.Append(indent).Append("(none)\n");
        }
    }

    private static string Render(Table table)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ForTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ForTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = ForTerminal ? AnsiConsole.Profile.Width : PlainWidth;
        console.Write(table);
        return writer.ToString();
    }

    /// <summary>Blank everywhere except the dashes under the header; two spaces between columns.</summary>
    private sealed class PlainBorder : TableBorder
    {
        public static readonly PlainBorder Instance = new();

        public override string GetPart(TableBorderPart part) => part switch
        {
            TableBorderPart.HeaderBottom => "-",
            TableBorderPart.HeaderSeparator or TableBorderPart.HeaderBottomSeparator or TableBorderPart.CellSeparator => "  ",
            _ => " ",
        };
    }
}
