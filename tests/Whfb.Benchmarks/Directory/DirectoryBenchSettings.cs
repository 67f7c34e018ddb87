using Whfb.Directory.Ldap;
using Whfb.Testing.Directory;

namespace Whfb.Benchmarks.Directory;

/// <summary>
/// Where the directory benchmark runs: the local Samba AD of deploy/local (settings from
/// <c>source .local/env.sh</c>) and the seeded OU it reuses across runs.
/// </summary>
internal sealed record DirectoryBenchSettings
{
    public const int DefaultUsers = 10_000;

    public required Uri Url { get; init; }

    /// <summary>The CA of the directory's LDAPS certificate (both the library and ldapsearch trust it).</summary>
    public string? CaCertificatesFile { get; init; }

    public required string BindDn { get; init; }

    public required string Password { get; init; }

    public required string DomainDn { get; init; }

    public int Users { get; init; } = DefaultUsers;

    /// <summary>Concurrent LDAP writers while seeding (the shared DC must stay usable for others).</summary>
    public int SeedWorkers { get; init; } = 4;

    public int PageSize { get; init; } = 1000;

    /// <summary>Measured iterations of each scan, after one warm-up.</summary>
    public int Iterations { get; init; } = 7;

    /// <summary>Share of the users that get a second key before the incremental scan.</summary>
    public double ChangedShare { get; init; } = 0.01;

    /// <summary>The OU's name; another OU (another benchmark's tenant) needs another <see cref="NamePrefix"/> (sAMAccountNames are domain-wide).</summary>
    public string OuName { get; init; } = "Bench10k";

    public string NamePrefix { get; init; } = "bench";

    public string OuDn => $"OU={OuName},{DomainDn}";

    public int ChangedUsers => Math.Max(1, (int)Math.Round(Users * ChangedShare));

    public LdapDirectoryOptions Options() => new()
    {
        Url = Url,
        BindDn = BindDn,
        Password = Password,
        CaCertificatesFile = CaCertificatesFile,
        AllowPlainTextBind = LocalDirectory.AllowPlainTextBind,
        BaseDns = [OuDn],
        PageSize = PageSize,
        Timeout = TimeSpan.FromSeconds(120),
    };

    public static DirectoryBenchSettings FromEnvironment() => new()
    {
        Url = LocalDirectory.Url,
        CaCertificatesFile = LocalDirectory.Options().CaCertificatesFile,
        BindDn = LocalDirectory.BindDn,
        Password = Env("WHFB_LDAP_PASSWORD")
            ?? throw new InvalidOperationException("WHFB_LDAP_PASSWORD is not set: run `source .local/env.sh` first"),
        DomainDn = LocalDirectory.BaseDn,
        Iterations = int.TryParse(Env("WHFB_BENCH_ITERATIONS"), out var n) && n > 0 ? n : 7,
    };

    public string UserName(int index) => $"{NamePrefix}{index:D5}";

    public string UserDn(int index) => $"CN={UserName(index)},{OuDn}";

    private static string? Env(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
