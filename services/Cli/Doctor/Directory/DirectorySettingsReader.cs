using Microsoft.Extensions.Configuration;
using Whfb.Directory.Ldap;
using Whfb.Secrets;

namespace Whfb.Cli.Doctor.Directory;

/// <summary>
/// SyncTracker's <c>SyncTracker:Directory</c> section as the service binds it (same keys: Url, FailoverUrls, BindMode,
/// BindDn, StartTls, CaCertificatesFile, AllowPlainTextBind, BaseDns), the password read as every secret is
/// (<see cref="ConfiguredSecret"/>: <c>PasswordFile</c> or the environment, refused in an appsettings file).
/// </summary>
internal static class DirectorySettingsReader
{
    public const string Section = "SyncTracker:Directory";

    public static LdapDirectoryOptions? Read(IConfiguration configuration, List<string> problems)
    {
        var section = configuration.GetSection(Section);
        if (section["Url"] is not { Length: > 0 })
        {
            problems.Add($"{Section}:Url is not set, so SyncTracker scans no directory.");
            return null;
        }

        LdapDirectoryOptions? options;
        try
        {
            options = section.Get<LdapDirectoryOptions>();
        }
        catch (InvalidOperationException e)
        {
            problems.Add($"{Section}: {e.Message}");
            return null;
        }

        var before = problems.Count;
        var password = ConfiguredSecret.Read(configuration, $"{Section}:Password", problems);
        if (options is { BaseDns.Count: 0 })
        {
            problems.Add($"{Section}:BaseDns:0 is not set: name the synced OUs (or the domain root) SyncTracker scans.");
        }

        return options is null || problems.Count > before ? null : options with { Password = password };
    }

    /// <summary>How the connection is protected, as an operator says it.</summary>
    public static string Transport(LdapDirectoryOptions options) => options switch
    {
        { Url.Scheme: "ldaps" } => "LDAPS (TLS)",
        { StartTls: true } => "StartTLS",
        { BindMode: LdapBindMode.Negotiate } => "Kerberos (SASL GSSAPI) signing and sealing on ldap://",
        _ => "plain LDAP (unencrypted)",
    };

    public static string Identity(LdapDirectoryOptions options) => options.BindMode switch
    {
        LdapBindMode.Simple => options.BindDn ?? "",
        LdapBindMode.Negotiate => "the Kerberos identity of this process (keytab or ticket cache)",
        _ => "anonymous",
    };
}
