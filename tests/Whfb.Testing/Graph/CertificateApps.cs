using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
namespace Whfb.Testing.Graph;

/// <summary>
/// The emulator with two more app registrations that have no secret: one whose certificate is registered as a public
/// PEM file, one registered by thumbprint only. The client's certificate files (PEM with its key, PFX with a password in
/// a file) and a certificate no app has are written to a private folder.
/// </summary>
public sealed class CertificateApps : GraphEmulator
{
    public const string PemApp = "6c2a8e4f-0b1d-4c3e-8f5a-7d9b1c3e5f70";
    public const string ThumbprintApp = "7d3b9f50-1c2e-4d4f-9a6b-8e0c2d4f6a81";
    public const string PfxPassword = "pfx-Passw0rd-for-tests";
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("whfb-graph-cert-").FullName;

    public CertificateApps()
    {
        AppCertificate = NewCertificate("CN=whfb-graph-app");
        OtherCertificate = NewCertificate("CN=some-other-app");
        File.WriteAllText(Path("app.cer.pem"), AppCertificate.ExportCertificatePem());
        File.WriteAllText(Path("app.pem"), AppCertificate.ExportCertificatePem() + "\n" + AppCertificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(Path("app.pfx"), AppCertificate.Export(X509ContentType.Pfx, PfxPassword));
        File.WriteAllText(Path("pfx-password"), PfxPassword + "\n");
        File.WriteAllText(Path("other.pem"), OtherCertificate.ExportCertificatePem() + "\n" + OtherCertificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path("no-key.pem"), AppCertificate.ExportCertificatePem());
    }

    public X509Certificate2 AppCertificate { get; }

    public X509Certificate2 OtherCertificate { get; }

    public Uri TokenEndpoint => new(HttpsRoot, $"{TenantId}/oauth2/v2.0/token");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulator:Graph:Apps:1:ClientId"] = PemApp,
        ["Simulator:Graph:Apps:1:CertificatePath"] = Path("app.cer.pem"),
        ["Simulator:Graph:Apps:2:ClientId"] = ThumbprintApp,
        ["Simulator:Graph:Apps:2:CertificateThumbprint"] = AppCertificate.Thumbprint,
    };

    public string Path(string name) => System.IO.Path.Combine(_folder, name);

    /// <summary>The Graph section a service would be given for this app and these credential keys (no client secret otherwise).</summary>
    public Dictionary<string, string?> CredentialSettings(string clientId, params (string Key, string Value)[] credential)
    {
        var settings = ConnectionSettings().Where(s => !s.Key.EndsWith(":ClientSecret", StringComparison.Ordinal)).ToDictionary();
        settings["Graph:ClientId"] = clientId;
        foreach (var (key, value) in credential)
        {
            settings[$"Graph:{key}"] = value;
        }

        return settings;
    }

    public IConfiguration Configuration(string clientId, params (string Key, string Value)[] credential) =>
        new ConfigurationBuilder().AddInMemoryCollection(CredentialSettings(clientId, credential)).Build();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    private static X509Certificate2 NewCertificate(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
    }
}
