using Whfb.Directory.Ldap;
using Whfb.Directory.Ldap.Inspection;

namespace Whfb.Cli.Doctor.Directory;

/// <summary>
/// Check 8: this machine's clock against the DC's (rootDSE <c>currentTime</c>, whole seconds), read over an anonymous
/// connection of its own so that it still answers when a skewed clock is what breaks the Kerberos bind: Kerberos refuses
/// tickets more than 5 minutes off (KRB_AP_ERR_SKEW).
/// </summary>
internal static class ClockSkewCheck
{
    private static readonly TimeSpan KerberosLimit = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Comfortable = TimeSpan.FromMinutes(1);

    public static async Task<CheckResult> RunAsync(LdapDirectoryOptions options, TimeProvider time, CancellationToken ct)
    {
        const string id = "clock-skew";
        var anonymous = options with { BindMode = LdapBindMode.Anonymous, BindDn = null, Password = null };
        try
        {
            using var inspector = new DirectoryInspector(anonymous);
            await inspector.ReadRootDseAsync(ct);
            var before = time.GetUtcNow();
            var dcTime = (await inspector.ReadRootDseAsync(ct)).CurrentTime;
            var local = before + ((time.GetUtcNow() - before) / 2);
            if (dcTime is not { } dc)
            {
                return CheckResult.Warn(id, "directory", "the DC's rootDSE gave no currentTime", "compare the clocks by hand (w32tm /stripchart on Windows)");
            }

            var skew = local - dc;
            var detail = $"this machine's clock is {Math.Abs(skew.TotalSeconds):0} s {(skew >= TimeSpan.Zero ? "ahead of" : "behind")} {inspector.Server} ({dc:u})";
            var remedy = "synchronize this machine's clock with the domain's time source (NTP)";
            return skew.Duration() > KerberosLimit
                ? CheckResult.Fail(id, "directory", detail + ": Kerberos refuses more than 5 minutes", remedy)
                : skew.Duration() > Comfortable ? CheckResult.Warn(id, "directory", detail + ": close to Kerberos' 5 minutes", remedy) : CheckResult.Pass(id, "directory", detail);
        }
        catch (Exception e) when (e is DirectoryAccessException or DirectoryConfigurationException)
        {
            return CheckResult.Warn(id, "directory", $"rootDSE could not be read anonymously: {e.Message}", "compare this machine's clock with the DC's by hand");
        }
    }
}
