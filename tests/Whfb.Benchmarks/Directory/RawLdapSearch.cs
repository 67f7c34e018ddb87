using System.Diagnostics;

namespace Whfb.Benchmarks.Directory;

/// <summary>
/// The reference: OpenLDAP's ldapsearch reading the same entries and attributes with the same page size,
/// output to /dev/null, process start included.
/// </summary>
internal static class RawLdapSearch
{
    private static readonly string[] Attributes =
        ["objectGUID", "objectSid", "userPrincipalName", "distinguishedName", "msDS-KeyCredentialLink", "uSNChanged"];

    /// <summary>One timed run with output to /dev/null; users and keys are those of the checked run.</summary>
    public static async Task<ScanSample> TimedAsync(DirectoryBenchSettings settings, ScanSample expected, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await RunAsync(settings, toDevNull: true, cancellationToken);
        clock.Stop();
        return new ScanSample(clock.Elapsed, expected.Users, expected.Keys);
    }

    /// <summary>An untimed run whose LDIF is counted, to show ldapsearch returns the same entries and values.</summary>
    public static async Task<ScanSample> CheckedAsync(DirectoryBenchSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var output = await RunAsync(settings, toDevNull: false, cancellationToken);
        var lines = output.Split('\n');
        var users = lines.Count(l => l.StartsWith("dn:", StringComparison.Ordinal));
        var keys = lines.Count(l => l.StartsWith("msDS-KeyCredentialLink:", StringComparison.OrdinalIgnoreCase));
        return new ScanSample(clock.Elapsed, users, keys);
    }

    private static async Task<string> RunAsync(DirectoryBenchSettings settings, bool toDevNull, CancellationToken cancellationToken)
    {
        // sh only redirects and execs, so the measured process is ldapsearch itself.
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardOutput = !toDevNull,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (settings.CaCertificatesFile is { } ca)
        {
            start.Environment["LDAPTLS_CACERT"] = ca;
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(toDevNull ? "exec ldapsearch \"$@\" >/dev/null" : "exec ldapsearch \"$@\"");
        start.ArgumentList.Add("ldapsearch");
        foreach (var argument in Arguments(settings))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ldapsearch did not start");
        var stdout = toDevNull ? Task.FromResult(string.Empty) : process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ldapsearch exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }

    private static IEnumerable<string> Arguments(DirectoryBenchSettings settings) =>
    [
        "-x", "-H", $"{settings.Url.Scheme}://{settings.Url.Host}:{settings.Url.Port}",
        "-D", settings.BindDn, "-w", settings.Password, "-b", settings.OuDn,
        "-E", $"pr={settings.PageSize}/noprompt", "(msDS-KeyCredentialLink=*)", .. Attributes,
    ];
}
