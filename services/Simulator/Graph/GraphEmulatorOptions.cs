namespace Whfb.Simulator.Graph;

/// <summary>Section <c>Simulator:Graph</c>: the emulated tenant, its apps and its throttling budgets.</summary>
public sealed class GraphEmulatorOptions
{
    public const string SectionName = "Simulator:Graph";

    public string TenantId { get; set; } = "7f3c2a9e-1b4d-4e5f-8a6b-0c1d2e3f4a5b";

    /// <summary>Apps allowed to get tokens (client credentials). Secrets come from the environment, never appsettings.</summary>
    public List<EmulatedApp> Apps { get; set; } = [];

    /// <summary>Requests per app per throttle window on ordinary Graph routes.</summary>
    public int RequestsPerWindow { get; set; } = 2000;

    /// <summary>Requests per app per window on reports/authenticationMethods (5 in the real service).</summary>
    public int ReportsRequestsPerWindow { get; set; } = 5;

    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(3599);

    /// <summary>The tenant has Microsoft Entra ID P1 or P2, which the registration report (userRegistrationDetails) needs.</summary>
    public bool PremiumLicence { get; set; } = true;

    /// <summary>How long a users/delta token stays valid (seven days for directory objects on Graph).</summary>
    public TimeSpan DeltaTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How often the registration report's snapshot is taken again: the report is not live ("may reflect a latency of up
    /// to a few hours"). Zero: a new snapshot for every request.
    /// </summary>
    public TimeSpan RegistrationReportRefresh { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// <see cref="GraphProfile.Strict"/> applies the strictest reading of Microsoft's limits where the pages leave room
    /// (the demo runs <see cref="GraphProfile.Default"/>).
    /// </summary>
    public GraphProfile Profile { get; set; } = GraphProfile.Default;
}

/// <summary>Which reading of Graph's throttling limits the emulator enforces.</summary>
public enum GraphProfile
{
    /// <summary>Per-user authentication-method calls draw from the ordinary budget.</summary>
    Default,

    /// <summary>
    /// Per-user authentication-method calls share the identity and access reports budget (5 per 10 s per app), since
    /// Microsoft's list of resources under that limit names authenticationMethod.
    /// </summary>
    Strict,
}

/// <summary>
/// An app registration with its credentials (a client secret, a certificate, or both) and the application permissions an
/// admin consented to.
/// </summary>
public sealed class EmulatedApp
{
    public string ClientId { get; set; } = "";

    /// <summary>Empty: the app has no secret, and a client_secret is refused.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The app's certificate credential (public certificate, PEM or DER), which verifies its client assertions.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>
    /// The certificate credential by SHA-1 thumbprint only: the client must send the certificate in the assertion (x5c),
    /// which is then verified against this thumbprint.
    /// </summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>
    /// Consented application permissions (their Graph names). Unset: every permission some emulated route accepts. An
    /// empty entry (<c>Permissions:0=""</c>) stands for none, which configuration cannot say otherwise.
    /// </summary>
    public string[]? Permissions { get; set; }

    public override string ToString() => ClientId;
}
