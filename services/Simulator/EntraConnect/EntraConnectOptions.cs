using Whfb.Directory.Ldap;

namespace Whfb.Simulator.EntraConnect;

/// <summary>Section <c>Simulator:EntraConnect</c>: the emulated sync server and the AD it exports to.</summary>
public sealed class EntraConnectOptions
{
    public const string SectionName = "Simulator:EntraConnect";

    /// <summary>Runs the scheduler (off by default: it needs the directory).</summary>
    public bool Enabled { get; set; }

    /// <summary>Time between cycle starts (Entra Connect's default is 30 minutes; the demo uses seconds).</summary>
    public TimeSpan CycleInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>LDAP connections a cycle exports over in parallel (1 = one key after the other, like the real server).</summary>
    public int ExportConnections { get; set; } = 4;

    /// <summary>The DC it writes to: LDAPS (or StartTLS, or AllowPlainTextBind for a test directory): its password is sent in a simple bind.</summary>
    public Uri LdapUrl { get; set; } = new("ldaps://127.0.0.1:636");

    /// <summary>PEM file of the CA that signs the DC's certificate (the local directory's own CA).</summary>
    public string? CaCertificatesFile { get; set; }

    public bool StartTls { get; set; }

    public bool AllowPlainTextBind { get; set; }

    public string BindDn { get; set; } = "CN=Administrator,CN=Users,DC=whfb,DC=test";

    /// <summary>From the environment or a secret store; never logged.</summary>
    public string? Password { get; set; }

    public LdapDirectoryOptions Directory() => new()
    {
        Url = LdapUrl,
        BindDn = BindDn,
        Password = Password,
        CaCertificatesFile = CaCertificatesFile,
        StartTls = StartTls,
        AllowPlainTextBind = AllowPlainTextBind,
        Timeout = TimeSpan.FromSeconds(20),
    };
}
