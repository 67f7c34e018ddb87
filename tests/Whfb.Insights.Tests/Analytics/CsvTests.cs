using Whfb.Insights.Apis;
using Xunit;

namespace Whfb.Insights.Tests.Analytics;

public sealed class CsvTests
{
    private sealed record Row(string DeviceName, int Count, string[] Examples);

    [Fact]
    public void Cells_a_spreadsheet_would_evaluate_are_quoted_as_text_and_numbers_stay_numbers()
    {
        var csv = Tabular.Csv([
            new Row("=HYPERLINK(\"https://evil\",\"x\")", -3, ["@SUM(A1)"]),
            new Row("+1-555", 4, ["PC-1", "PC-2"]),
            new Row("\tPC", 0, []),
        ]);

        var lines = csv.Split(Environment.NewLine);
        Assert.Equal("deviceName,count,examples", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"https://evil\"\",\"\"x\"\")\",-3,'@SUM(A1)", lines[1]);
        Assert.Equal("'+1-555,4,PC-1 PC-2", lines[2]);
        Assert.Equal("'\tPC,0,", lines[3]);
    }
}
