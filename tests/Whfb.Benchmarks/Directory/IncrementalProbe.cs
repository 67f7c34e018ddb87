using Whfb.Directory.Ldap;

namespace Whfb.Benchmarks.Directory;

/// <summary>
/// Takes a cursor from a full scan (as SyncTracker holds it), adds a second key to 1% of
/// the users, times incremental scans from that cursor, then removes the added keys again so the next
/// run starts from the same data.
/// </summary>
internal sealed class IncrementalProbe(DirectoryBenchSettings settings)
{
    public async Task<IncrementalResult> RunAsync(CancellationToken cancellationToken)
    {
        var (_, full) = await LibraryScan.MeasureAsync(settings, new KeyScanRequest { ForceFull = true }, null, cancellationToken);
        var changed = ChangedUserDns();
        using var writer = new KeyCredentialWriter(settings.Options());
        var added = new List<(string Dn, string Value)>(changed.Length);
        try
        {
            foreach (var dn in changed)
            {
                var value = SyntheticEntraKeys.DnBinaryValue(dn);
                await writer.AddValueAsync(dn, value, cancellationToken);
                added.Add((dn, value));
            }

            var request = new KeyScanRequest { Cursors = [full.Cursor] };
            var samples = new List<ScanSample>();
            for (var i = 0; i <= settings.Iterations; i++)
            {
                var (sample, summary) = await LibraryScan.MeasureAsync(settings, request, null, cancellationToken);
                LibraryScan.Require(
                    summary.Mode == ScanMode.Incremental && summary.Users == changed.Length,
                    $"incremental scan returned {summary.Users} users in mode {summary.Mode}, expected the {changed.Length} changed ones");
                if (i > 0)
                {
                    samples.Add(sample); // the first one warms up, like the full scans
                }
            }

            return new IncrementalResult(SampleStats.Of(samples), changed.Length);
        }
        finally
        {
            foreach (var (dn, value) in added)
            {
                await writer.RemoveValueAsync(dn, value, CancellationToken.None);
            }
        }
    }

    /// <summary>Every 100th user (for 1%), spread over the whole OU and so over every page.</summary>
    private string[] ChangedUserDns()
    {
        var step = settings.Users / settings.ChangedUsers;
        return Enumerable.Range(0, settings.ChangedUsers).Select(i => settings.UserDn(i * step)).ToArray();
    }
}

/// <summary>Incremental scans after the change and how many users were changed.</summary>
internal sealed record IncrementalResult(SampleStats Stats, int ChangedUsers);
