using System.Text;

namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// The key lifecycle as a Mermaid state diagram, rendered from <see cref="KeyLifecycle.Transitions"/>: the README shows
/// this text, and a test compares the two so the picture cannot drift from the code.
/// </summary>
internal static class KeyLifecycleDiagram
{
    public static string Render()
    {
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var (from, to, trigger) in KeyLifecycle.Transitions)
        {
            text.Append($"    {from?.ToString() ?? "[*]"} --> {to} : {trigger}\n");
        }

        return text.ToString();
    }
}
