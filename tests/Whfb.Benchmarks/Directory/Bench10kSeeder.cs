using System.Collections.Concurrent;
using System.Diagnostics;
using System.DirectoryServices.Protocols;
using Whfb.Directory.Ldap;

namespace Whfb.Benchmarks.Directory;

/// <summary>
/// Makes sure the OU holds <see cref="DirectoryBenchSettings.Users"/> users with one Entra-style key each.
/// Idempotent and resumable: users that already have a key are left alone, a user created by an
/// interrupted run only gets its key. Seeding is slow on Samba, so it happens once and the data is reused.
/// </summary>
internal sealed class Bench10kSeeder(DirectoryBenchSettings settings)
{
    public async Task<SeedOutcome> EnsureSeededAsync(CancellationToken cancellationToken)
    {
        var (keyed, extras) = await ReadStateAsync(cancellationToken);
        await RemoveExtraKeysAsync(extras, cancellationToken);
        if (keyed.Count >= settings.Users)
        {
            return new SeedOutcome(keyed.Count, 0, TimeSpan.Zero, await SeedNote.ReadAsync(settings));
        }

        var missing = Enumerable.Range(0, settings.Users).Select(settings.UserDn).Where(dn => !keyed.Contains(dn)).ToArray();
        Console.WriteLine($"Seeding {missing.Length} users into {settings.OuDn} with {settings.SeedWorkers} LDAP writers...");
        var clock = Stopwatch.StartNew();
        await CreateOuAsync(cancellationToken);
        var queue = new ConcurrentQueue<string>(missing);
        var progress = new SeedProgress(missing.Length, clock);
        await Task.WhenAll(Enumerable.Range(0, settings.SeedWorkers).Select(_ => WriteUsersAsync(queue, progress, cancellationToken)));
        clock.Stop();
        var note = $"seeded {missing.Length} users in {clock.Elapsed.TotalSeconds:F0} s with {settings.SeedWorkers} writers on {DateTime.UtcNow:yyyy-MM-dd}";
        await SeedNote.WriteAsync(settings, note);
        return new SeedOutcome(keyed.Count + missing.Length, missing.Length, clock.Elapsed, note);
    }

    /// <summary>DNs of the users with keys, and every value beyond a user's oldest one.</summary>
    private async Task<(HashSet<string> Keyed, List<(string Dn, string Value)> Extras)> ReadStateAsync(CancellationToken cancellationToken)
    {
        var dns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var extras = new List<(string Dn, string Value)>();
        using var scanner = new KeyCredentialScanner(settings.Options());
        try
        {
            await scanner.ScanAsync(new KeyScanRequest { ForceFull = true }, (page, _) =>
            {
                foreach (var user in page.Users.Where(u => u.Values.Count > 0))
                {
                    dns.Add(user.DistinguishedName);
                    extras.AddRange(user.Values.OrderBy(v => v.Key?.CreationTime).Skip(1).Select(v => (user.DistinguishedName, v.Raw)));
                }

                return ValueTask.CompletedTask;
            }, cancellationToken);
        }
        catch (DirectoryAccessException e) when (e.ResultCode == ResultCode.NoSuchObject)
        {
            // No OU yet: nothing seeded.
        }

        return (dns, extras);
    }

    /// <summary>Keys added by an incremental probe that was interrupted before it could remove them.</summary>
    private async Task RemoveExtraKeysAsync(List<(string Dn, string Value)> extras, CancellationToken cancellationToken)
    {
        if (extras.Count == 0)
        {
            return;
        }

        Console.WriteLine($"Removing {extras.Count} keys left by an interrupted run...");
        using var keys = new KeyCredentialWriter(settings.Options());
        foreach (var (dn, value) in extras)
        {
            await keys.RemoveValueAsync(dn, value, cancellationToken);
        }
    }

    private async Task CreateOuAsync(CancellationToken cancellationToken)
    {
        using var objects = new DirectoryObjectWriter(settings.Options());
        await IgnoreExistingAsync(objects.CreateOrganizationalUnitAsync(settings.OuDn, cancellationToken));
    }

    private async Task WriteUsersAsync(ConcurrentQueue<string> queue, SeedProgress progress, CancellationToken cancellationToken)
    {
        using var objects = new DirectoryObjectWriter(settings.Options());
        using var keys = new KeyCredentialWriter(settings.Options());
        while (queue.TryDequeue(out var dn))
        {
            var name = dn[3..dn.IndexOf(',', StringComparison.Ordinal)];
            await IgnoreExistingAsync(objects.CreateUserAsync(settings.OuDn, name, $"{name}@whfb.test", cancellationToken));
            await keys.AddValueAsync(dn, SyntheticEntraKeys.DnBinaryValue(dn), cancellationToken);
            progress.Done();
        }
    }

    /// <summary>Left by an interrupted run: the object is there, carry on with it.</summary>
    private static async Task IgnoreExistingAsync(Task create)
    {
        try
        {
            await create;
        }
        catch (DirectoryAccessException e) when (e.ResultCode == ResultCode.EntryAlreadyExists)
        {
        }
    }
}

/// <summary>Keyed users in the OU now, how many this run wrote and how long that took.</summary>
internal sealed record SeedOutcome(int KeyedUsers, int Written, TimeSpan Elapsed, string? Note)
{
    public bool Skipped => Written == 0;
}

/// <summary>Thread-safe counter printing a line every 500 users (seeding takes minutes).</summary>
internal sealed class SeedProgress(int total, Stopwatch clock)
{
    private int _done;

    public void Done()
    {
        var done = Interlocked.Increment(ref _done);
        if (done % 500 == 0 || done == total)
        {
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"  {done}/{total} users, {seconds:F0} s, {done / Math.Max(seconds, 0.001):F0} users/s");
        }
    }
}
