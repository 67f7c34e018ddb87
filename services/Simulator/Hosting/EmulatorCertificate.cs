using System.Security.Cryptography.X509Certificates;

namespace Whfb.Simulator.Hosting;

/// <summary>The running emulator's https certificate (a singleton), so tests and /admin/certificate can hand it out.</summary>
public sealed record EmulatorCertificate(X509Certificate2 Certificate)
{
    public string Thumbprint => Certificate.Thumbprint;

    public string Pem => Certificate.ExportCertificatePem();
}
