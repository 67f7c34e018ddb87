using System.Text.RegularExpressions;
using Whfb.SyncTracker.Domain.Engine;

namespace Whfb.SyncTracker.Tests.Domain.Engine;

public sealed partial class KeyLifecycleDiagramTests
{
    [Fact]
    public void The_README_diagram_is_the_one_the_transition_table_renders()
    {
        var readme = File.ReadAllText(Path.Combine(ServiceSource.Directory, "README.md"));
        var diagram = Assert.Single(MermaidBlock().Matches(readme), m => m.Groups[1].Value.StartsWith("stateDiagram-v2", StringComparison.Ordinal));

        Assert.Equal(KeyLifecycleDiagram.Render(), diagram.Groups[1].Value.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_row_of_the_table_is_one_arrow()
    {
        var lines = KeyLifecycleDiagram.Render().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(KeyLifecycle.Transitions.Count + 1, lines.Length);
        Assert.Contains("    [*] --> AwaitingAd : EntraKeyObserved", lines);
        Assert.Contains("    Stuck --> Recovered : ValueFoundInAd", lines);
    }

    [GeneratedRegex(@"```mermaid\r?\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();
}
