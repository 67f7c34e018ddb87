using System.Text.RegularExpressions;

namespace Whfb.SyncTracker.Tests.Domain.Engine;

/// <summary>
/// KeyLifecycle is the one place a key changes state or a key event is raised: a second place would bypass the
/// transition table, so the service's sources are searched for one.
/// </summary>
public sealed partial class KeyLifecycleOwnershipTests
{
    [Fact]
    public void No_source_but_KeyLifecycle_sets_a_key_state_or_raises_a_key_event()
    {
        var files = ServiceSource.CSharpFiles().ToList();
        Assert.Contains(files, f => Path.GetFileName(f) == "KeyLifecycle.cs");

        var offenders = files
            .Where(f => Path.GetFileName(f) != "KeyLifecycle.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => KeyStateWriteOrKeyEvent().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(ServiceSource.Directory, l.File)}:{l.Line}: {l.Text.Trim()}");

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_search_finds_what_it_looks_for()
    {
        Assert.Matches(KeyStateWriteOrKeyEvent(), "key.State = KeyState.Removed;");
        Assert.Matches(KeyStateWriteOrKeyEvent(), "new TrackedKey { State = KeyState.Unmatched }");
        Assert.Matches(KeyStateWriteOrKeyEvent(), "Emit(new KeySynced(id, reference, observed, latency));");
        Assert.DoesNotMatch(KeyStateWriteOrKeyEvent(), "if (key.State == KeyState.Stuck)");
    }

    [GeneratedRegex(@"\.State\s*=[^=>]|\bState\s*=\s*KeyState\.|new (KeySynced|KeySyncRecovered|KeySyncStuck|OrphanedKeyDetected|NgcKeyRemovedFromAd)\(")]
    private static partial Regex KeyStateWriteOrKeyEvent();
}
