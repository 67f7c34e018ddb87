namespace Whfb.Directory.Ldap;

/// <summary>How to bind to the directory.</summary>
public enum LdapBindMode
{
    /// <summary>Simple bind with <see cref="LdapDirectoryOptions.BindDn"/> and password.</summary>
    Simple,

    /// <summary>SASL GSS-SPNEGO / Kerberos where the platform has it (credentials optional).</summary>
    Negotiate,

    Anonymous,
}

/// <summary>Connection and scan settings (bind from configuration; never log the password).</summary>
public sealed record LdapDirectoryOptions
{
    /// <summary>ldap://host[:port] or ldaps://host[:port].</summary>
    public required Uri Url { get; init; }

    public LdapBindMode BindMode { get; init; } = LdapBindMode.Simple;

    public string? BindDn { get; init; }

    public string? Password { get; init; }

    /// <summary>Subtrees to scan, for example the domain root or the synced OUs.</summary>
    public IReadOnlyList<string> BaseDns { get; init; } = [];

    public int PageSize { get; init; } = 1000;

    /// <summary>Per-request time limit (connect, bind and every page).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public override string ToString() => $"{Url} as {BindDn ?? BindMode.ToString()}";
}
