namespace Whfb.Benchmarks.SyncTracker;

/// <summary>results/synctracker.md holds one section per mode; a run replaces only its own (between marker comments).</summary>
internal static class ResultsSection
{
    /// <summary>Prints a run's report and writes it as its mode's section.</summary>
    public static async Task PublishAsync(string mode, string markdown)
    {
        Console.WriteLine(markdown);
        await WriteAsync(mode, markdown);
    }

    public static async Task WriteAsync(string mode, string markdown)
    {
        var folder = System.IO.Directory.CreateDirectory(Path.Combine(Whfb.Testing.RepositoryPaths.Root, "tests", "Whfb.Benchmarks", "results"));
        var file = Path.Combine(folder.FullName, "synctracker.md");
        var (begin, end) = ($"<!-- {mode}:begin -->", $"<!-- {mode}:end -->");
        var block = $"{begin}\n{markdown.TrimEnd()}\n{end}";
        var text = File.Exists(file) ? await File.ReadAllTextAsync(file) : "";
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        text = start >= 0 && stop > start
            ? text[..start] + block + text[(stop + end.Length)..]
            : text.TrimEnd() + (text.Length > 0 ? "\n\n" : "") + block + "\n";
        await File.WriteAllTextAsync(file, text);
    }
}
