using System.Text;
using Whfb.Cli.Commands;
using Xunit;

namespace Whfb.Cli.Tests;

/// <summary>The demo summary's tables when whfb's output is not a terminal (a file, a pipe, these tests).</summary>
public sealed class DemoTableTests
{
    [Fact]
    public void Redirected_output_gets_plain_aligned_text_with_a_dashed_header_and_no_box_drawing_or_escape_codes()
    {
        Assert.False(DemoTable.ForTerminal);
        var text = new StringBuilder();

        new DemoTable("ring", "devices", "gate").Add("pilot", 12, "[passed]").Add("broad ring with a long name", 3000, null).WriteTo(text);

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^  ring\s+devices\s+gate$", lines[0]);
        Assert.Matches(@"^  -{27}  -{7}  -{8}$", lines[1]);
        Assert.Matches(@"^  pilot\s+12\s+\[passed\]$", lines[2]);
        Assert.Matches(@"^  broad ring with a long name\s+3000$", lines[3]);
        Assert.Equal(lines[0].IndexOf("devices", StringComparison.Ordinal), lines[2].IndexOf("12", StringComparison.Ordinal));
        Assert.DoesNotContain(text.ToString(), c => c is '\u001b' or (>= '\u2500' and <= '\u257f'));
    }

    [Fact]
    public void A_table_without_rows_says_none()
    {
        var text = new StringBuilder();

        new DemoTable("AD object", "reason").WriteTo(text);

        Assert.EndsWith("  (none)\n", text.ToString(), StringComparison.Ordinal);
    }
}
