namespace Whfb.Directory.Ldap;

/// <summary>How to bind to the directory.</summary>
public enum LdapBindMode
{
    /// <summary>Simple bind with <see cref="LdapDirectoryOptions.BindDn"/> and password: only over TLS unless explicitly allowed.</summary>
    Simple,

    /// <summary>
    /// SASL GSSAPI (Kerberos) with the process's ticket cache or client keytab (MIT: <c>KRB5CCNAME</c>, <c>KRB5_CLIENT_KTNAME</c>,
    /// <c>KRB5_CONFIG</c>); the traffic is signed and sealed by Kerberos, so it runs over ldap://.
    /// </summary>
    Negotiate,

    Anonymous,
}

/// <summary>Connection and scan settings (bind from configuration; never log the password).</summary>
public sealed record LdapDirectoryOptions
{
    /// <summary>The preferred domain controller: ldap://host[:port] or ldaps://host[:port].</summary>
    public required Uri Url { get; init; }

    /// <summary>Further domain controllers, tried in order when the ones before them cannot be reached.</summary>
    public IReadOnlyList<Uri> FailoverUrls { get; init; } = [];

    public LdapBindMode BindMode { get; init; } = LdapBindMode.Simple;

    public string? BindDn { get; init; }

    public string? Password { get; init; }

    /// <summary>On ldap:// URLs, upgrade the connection with StartTLS before binding.</summary>
    public bool StartTls { get; init; }

    /// <summary>
    /// PEM file of the CA certificates that sign the domain controllers' LDAPS / StartTLS certificates; the operating
    /// system's trust store is used when empty.
    /// </summary>
    public string? CaCertificatesFile { get; init; }

    /// <summary>Lets a simple bind send its password over unencrypted ldap:// (a test directory only).</summary>
    public bool AllowPlainTextBind { get; init; }

    /// <summary>Subtrees to scan, for example the domain root or the synced OUs.</summary>
    public IReadOnlyList<string> BaseDns { get; init; } = [];

    public int PageSize { get; init; } = 1000;

    /// <summary>Per-request time limit (connect, bind and every page).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><see cref="Url"/> then <see cref="FailoverUrls"/>.</summary>
    public IReadOnlyList<Uri> Servers => [Url, .. FailoverUrls];

    /// <summary>True when connections to <paramref name="url"/> are encrypted by TLS (ldaps:// or StartTLS).</summary>
    public bool UsesTls(Uri url) => LdapUrls.IsLdaps(url) || StartTls;

    public override string ToString() =>
        $"{string.Join(", ", Servers.Select(u => u.ToString()))} as {(BindMode == LdapBindMode.Simple ? BindDn : BindMode.ToString())}";
}
