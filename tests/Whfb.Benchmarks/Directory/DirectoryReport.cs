using System.Globalization;
using System.Text;

namespace Whfb.Benchmarks.Directory;

/// <summary>The markdown table of one run, with both ratios against their targets.</summary>
internal sealed record DirectoryReport(
    DirectoryBenchSettings Settings,
    SeedOutcome Seed,
    SampleStats Library,
    SampleStats Raw,
    IncrementalResult Incremental,
    DecodeCost Decode,
    string Environment)
{
    public const double RawRatioTarget = 0.7;
    public const double IncrementalShareTarget = 0.05;
    public const string Command = "source .local/env.sh && dotnet run -c Release --project tests/Whfb.Benchmarks -- directory";

    /// <summary>Library rate over ldapsearch rate, from the medians (same entries, so the inverse time ratio).</summary>
    public double RawRatio => Raw.Median.Elapsed / Library.Median.Elapsed;

    /// <summary>Incremental scan time as a share of a full scan, from the medians.</summary>
    public double IncrementalShare => Incremental.Stats.Median.Elapsed / Library.Median.Elapsed;

    public bool TargetsMet => RawRatio >= RawRatioTarget && IncrementalShare <= IncrementalShareTarget;

    public string ToMarkdown()
    {
        var users = Settings.Users.ToString("N0", CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"### Directory scan benchmark: {users} users with one Entra-style key each ({Settings.OuDn})")
            .AppendLine()
            .AppendLine(Environment)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Command: `{Command}`")
            .AppendLine()
            .AppendLine("| Measure | Median | Min | Rate (median) | Target | Verdict |")
            .AppendLine("| --- | ---: | ---: | --- | --- | --- |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Seeding {users} users + keys ({Settings.SeedWorkers} writers) | {SeedTime()} | | {SeedRate()} | once, reused | {SeedNote()} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Full scan + decode, library (page {Settings.PageSize}) | {S(Library.Median)} | {S(Library.Min)} | {Rate(Library.Median.UsersPerSecond)} users/s, {Rate(Library.Median.KeysPerSecond)} keys/s | | {Library.Median.Users} users, {Library.Median.Keys} valid keys |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Raw `ldapsearch -E pr={Settings.PageSize}/noprompt` to /dev/null (process start included) | {S(Raw.Median)} | {S(Raw.Min)} | {Rate(Raw.Median.UsersPerSecond)} users/s | | same entries and values (counted in an untimed run) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| **Library rate / raw rate** | | | **{RawRatio:F2}×** | ≥ {RawRatioTarget:F1}× | {Verdict(RawRatio >= RawRatioTarget)} (fastest runs: {Raw.Min.Elapsed / Library.Min.Elapsed:F2}×) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Incremental scan after {Incremental.ChangedUsers} users ({Pct(Settings.ChangedShare, 0)}) got a second key | {S(Incremental.Stats.Median)} | {S(Incremental.Stats.Min)} | {Incremental.Stats.Median.Users} users returned | | {Incremental.ChangedUsers} changed users found |")
            .AppendLine(CultureInfo.InvariantCulture, $"| **Incremental / full scan time** | | | **{Pct(IncrementalShare, 1)}** | ≤ {Pct(IncrementalShareTarget, 0)} | {Verdict(IncrementalShare <= IncrementalShareTarget)} (fastest runs: {Pct(Incremental.Stats.Min.Elapsed / Library.Min.Elapsed, 1)}) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Full scan CPU time of the benchmark process (library side, median run) | {S(Library.Median.ProcessorTime)} | | {Pct(Library.Median.ProcessorTime / Library.Median.Elapsed, 0)} of the scan's wall time | | the rest of the wall time: waiting for Samba |")
            .AppendLine(CultureInfo.InvariantCulture, $"| of which: decode of all {Decode.Values} values in memory (hex parse + blob + integrity) | {S(Decode.Decode)} | | {Pct(Decode.Decode / Library.Median.Elapsed, 1)} of the scan's wall time | | best of 3 passes |")
            .AppendLine(CultureInfo.InvariantCulture, $"| of which: DN-Binary hex parse | {S(Decode.HexParse)} | | | | |")
            .AppendLine(CultureInfo.InvariantCulture, $"| of which: SHA-256 KeyID + KeyHash checks | {S(Decode.Sha256)} | | | | rest of the CPU: LDAP transport and entry marshalling |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Full scan peak working set (process, max of runs) | {Mb(Library.MaxPeakWorkingSetBytes)} | | | | |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Full scan allocated bytes (max of runs) | {Mb(Library.MaxAllocatedBytes)} | | {Library.MaxAllocatedBytes / (double)Settings.Users / 1024:F1} KB per user | | |");
        return text.ToString();
    }

    private string SeedTime() => Seed.Skipped ? "skipped" : S(Seed.Elapsed);

    private string SeedRate() => Seed.Skipped ? "already seeded" : $"{Rate(Seed.Written / Seed.Elapsed.TotalSeconds)} users/s";

    private string SeedNote() => Seed.Note ?? "time not recorded";

    private static string S(ScanSample sample) => S(sample.Elapsed);

    private static string S(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture) + " s";

    private static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    private static string Pct(double share, int decimals) =>
        (share * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";

    private static string Verdict(bool met) => met ? "met" : "**missed**";
}
