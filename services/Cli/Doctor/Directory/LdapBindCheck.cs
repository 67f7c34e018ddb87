using Whfb.Directory.Ldap;
using Whfb.Directory.Ldap.Inspection;

namespace Whfb.Cli.Doctor.Directory;

/// <summary>
/// Check 5: the bind SyncTracker would make, with its settings refused exactly as the service refuses them at start (a
/// simple bind over plain ldap:// unless AllowPlainTextBind), then made for real on the first DC that answers. Reports
/// the transport; a TLS failure is explained from the DC's certificate.
/// </summary>
internal static class LdapBindCheck
{
    private const string Id = "ldap-bind";
    private const string Subject = "directory";

    public static async Task<(RootDse? RootDse, IReadOnlyList<CheckResult> Results)> RunAsync(
        DirectoryInspector inspector, LdapDirectoryOptions options, CancellationToken ct)
    {
        if (LdapOptionsCheck.Problems(options) is { Count: > 0 } refused)
        {
            return (null, [CheckResult.Fail(Id, Subject, $"SyncTracker would refuse these settings: {string.Join(" ", refused)}",
                "use ldaps:// with CaCertificatesFile, StartTls, or BindMode=Negotiate (Kerberos); AllowPlainTextBind only for a test directory")]);
        }

        RootDse rootDse;
        try
        {
            rootDse = await inspector.ReadRootDseAsync(ct);
        }
        catch (DirectoryBindException e)
        {
            return (null, [CheckResult.Fail(Id, Subject, e.Message, BindRemedy(options, e))]);
        }
        catch (DirectoryAccessException e)
        {
            var explained = options.Servers.Any(options.UsesTls) ? await CertificateDiagnosis.ExplainAsync(options, ct) : null;
            return (null, [CheckResult.Fail(Id, Subject, explained is null ? e.Message : $"{e.Message}. {explained}",
                explained is null ? "check the DC's address, port and firewall" : "set CaCertificatesFile to the CA that issued the DC's certificate, and use a host name the certificate names")]);
        }

        var results = new List<CheckResult> { Bound(options, inspector.Server!) };
        results.AddRange(inspector.SkippedServers.Select(s => CheckResult.Warn("ldap-failover", Subject, $"{s.Server} was skipped: {s.Error}",
            "the DC listed first in Url/FailoverUrls is down or unreachable: SyncTracker reads from the next one meanwhile")));
        return (rootDse, results);
    }

    private static CheckResult Bound(LdapDirectoryOptions options, Uri server)
    {
        var detail = $"bound to {server} as {DirectorySettingsReader.Identity(options)}; transport: {DirectorySettingsReader.Transport(options)}";
        return options switch
        {
            { BindMode: LdapBindMode.Anonymous } => CheckResult.Warn(Id, Subject, detail, "bind as the reader account: anonymous binds read next to nothing in AD"),
            { BindMode: LdapBindMode.Simple } when !options.UsesTls(server) => CheckResult.Warn(Id, Subject,
                detail + ": the password crosses the network in clear (AllowPlainTextBind)", "use ldaps://, StartTls or BindMode=Negotiate outside test directories"),
            _ => CheckResult.Pass(Id, Subject, detail),
        };
    }

    private static string BindRemedy(LdapDirectoryOptions options, DirectoryBindException e) => options.BindMode switch
    {
        LdapBindMode.Negotiate => "give the process a Kerberos credential: KRB5_CLIENT_KTNAME (the reader's keytab) or KRB5CCNAME, KRB5_CONFIG for the realm, and an SPN ldap/<host> on the DC",
        _ when e.LdapError == 49 => "the DN or password is wrong (or the account is locked): check BindDn and PasswordFile",
        _ => "check BindDn, the password and that the DC accepts this kind of bind",
    };
}
