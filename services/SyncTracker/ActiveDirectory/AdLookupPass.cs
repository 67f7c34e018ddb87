using Whfb.Directory.Ldap;
using Whfb.SyncTracker.Tracking;

namespace Whfb.SyncTracker.ActiveDirectory;

/// <summary>
/// After a scan: reads from AD, by their anchors, the users the engine asks for (<c>TakeAdLookups</c>: keys waiting past
/// one cycle, AD user never returned by a scan) on the scanner's connection, and hands the engine the users found and
/// the anchors AD has no user for. The engine marks them looked up before the directory is asked, so a failing lookup
/// is tried again a cycle later, not at every scan.
/// </summary>
internal sealed class AdLookupPass(AdScanDriver driver)
{
    /// <summary>What the directory answered; null when no user was due.</summary>
    public async Task<UserLookupResult?> RunAsync(KeyCredentialScanner scanner, int maxLookups, CancellationToken cancellationToken)
    {
        var due = await driver.TakeLookupsAsync(maxLookups, cancellationToken);
        var asked = due.Select(r => (Request: r, Anchor: r.ToAnchor())).Where(a => a.Anchor is not null).ToList();
        if (asked.Count == 0)
        {
            return null;
        }

        var result = await scanner.LookUpUsersAsync([.. asked.Select(a => a.Anchor!)], maxLookups, cancellationToken);
        var absent = result.Absent.ToHashSet();
        await driver.ApplyLookupsAsync(result.Found, asked.Where(a => absent.Contains(a.Anchor!)).Select(a => a.Request), cancellationToken);
        return result;
    }
}
