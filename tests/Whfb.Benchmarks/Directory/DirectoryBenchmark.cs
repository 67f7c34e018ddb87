namespace Whfb.Benchmarks.Directory;

/// <summary>
/// Mode <c>directory</c>: seeds OU=Bench10k once, then in the same run times full scans with the library
/// against raw ldapsearch (interleaved, after a warm-up each) and an incremental scan after a 1% change,
/// prints the table and writes it to tests/Whfb.Benchmarks/results/directory.md.
/// Needs the local Samba of deploy/local and its settings: <c>source .local/env.sh</c>.
/// </summary>
public static class DirectoryBenchmark
{
    public const string Mode = "directory";

    public static async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var settings = DirectoryBenchSettings.FromEnvironment();
        var loadBefore = LoadAverage();
        var seed = await new Bench10kSeeder(settings).EnsureSeededAsync(cancellationToken);
        LibraryScan.Require(seed.KeyedUsers == settings.Users, $"{seed.KeyedUsers} keyed users in {settings.OuDn}, expected {settings.Users}");
        Console.WriteLine(seed.Skipped ? $"Seeding skipped: {seed.Note}" : $"Seeded: {seed.Note}");

        var values = new List<string>(settings.Users);
        var warmUp = await LibraryScan.FullAsync(
            settings, cancellationToken, page => values.AddRange(page.Users.SelectMany(u => u.Values).Select(v => v.Raw)));
        var check = await RawLdapSearch.CheckedAsync(settings, cancellationToken);
        LibraryScan.Require(
            warmUp.Users == settings.Users && warmUp.Keys == settings.Users && check.Users == warmUp.Users && check.Keys == warmUp.Keys,
            $"library saw {warmUp.Users} users / {warmUp.Keys} keys, ldapsearch {check.Users} / {check.Keys}");

        var library = new List<ScanSample>();
        var raw = new List<ScanSample>();
        for (var i = 1; i <= settings.Iterations; i++)
        {
            // Interleaved, so load from others on the shared machine hits both sides alike.
            library.Add(await LibraryScan.FullAsync(settings, cancellationToken));
            raw.Add(await RawLdapSearch.TimedAsync(settings, check, cancellationToken));
            Console.WriteLine($"  iteration {i}: library {library[^1].Elapsed.TotalSeconds:F3} s, ldapsearch {raw[^1].Elapsed.TotalSeconds:F3} s");
        }

        var incremental = await new IncrementalProbe(settings).RunAsync(cancellationToken);
        var decode = DecodeProbe.Measure(values);
        var environment =
            $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {System.Environment.ProcessorCount} cores shared with other work " +
            $"(load average {loadBefore} at start, {LoadAverage()} at end), .NET {System.Environment.Version}, " +
            $"{settings.Iterations} iterations after a warm-up, medians for the ratios.";
        var report = new DirectoryReport(settings, seed, SampleStats.WithMemory(library), SampleStats.Of(raw), incremental, decode, environment);
        var markdown = report.ToMarkdown();
        Console.WriteLine();
        Console.WriteLine(markdown);
        var path = ResultsFile();
        await File.WriteAllTextAsync(path, markdown, cancellationToken);
        Console.WriteLine($"Written to {path}");
        return report.TargetsMet ? 0 : 1;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? File.ReadAllText("/proc/loadavg").Split(' ')[0]
            : "n/a";

    /// <summary>tests/Whfb.Benchmarks/results/directory.md of the checkout the command runs in.</summary>
    private static string ResultsFile()
    {
        var dir = new DirectoryInfo(System.Environment.CurrentDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WhfbPlatform.sln")))
        {
            dir = dir.Parent;
        }

        var root = dir?.FullName ?? System.Environment.CurrentDirectory;
        var results = Path.Combine(root, "tests", "Whfb.Benchmarks", "results");
        System.IO.Directory.CreateDirectory(results);
        return Path.Combine(results, "directory.md");
    }
}
