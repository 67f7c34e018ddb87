using Whfb.Directory.Ldap;

namespace Whfb.Directory.Tests.Ldap;

/// <summary>Runs a scan and keeps every page (fine for the few users a test creates).</summary>
internal sealed class ScanCollector
{
    public List<KeyScanPage> Pages { get; } = [];

    public IEnumerable<ScannedUser> Users => Pages.SelectMany(p => p.Users);

    public static async Task<(KeyScanSummary Summary, ScanCollector Pages)> ScanAsync(
        LdapDirectoryOptions options, KeyScanRequest? request = null)
    {
        using var scanner = new KeyCredentialScanner(options);
        var collector = new ScanCollector();
        var summary = await scanner.ScanAsync(request ?? new KeyScanRequest(), (page, _) =>
        {
            collector.Pages.Add(page);
            return ValueTask.CompletedTask;
        });
        return (summary, collector);
    }

    public ScannedUser User(DirectoryUser user) => Assert.Single(Users, u => u.ObjectGuid == user.ObjectGuid);
}
