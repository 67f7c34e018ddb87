using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Whfb.Directory.Ldap;

namespace Whfb.Cli.Doctor.Directory;

/// <summary>
/// Says why a TLS connection to the DC failed, from the DC's own certificate: libldap only reports "can't contact LDAP
/// server". Fetches the certificate over LDAPS, or over StartTLS after the extended request, and checks it the way
/// libldap does: chain to a CA of <c>CaCertificatesFile</c> (or the system store), validity dates, and the host name.
/// </summary>
internal static class CertificateDiagnosis
{
    private const string StartTlsOid = "1.3.6.1.4.1.1466.20037";

    /// <summary>One sentence, or null when the certificate could not be fetched.</summary>
    public static async Task<string?> ExplainAsync(LdapDirectoryOptions options, CancellationToken ct)
    {
        var url = options.Servers.First(options.UsesTls);
        try
        {
            using var certificate = await FetchAsync(url, options.StartTls && url.Scheme == "ldap", options.Timeout, ct);
            return certificate is null ? null : Explain(certificate, url.Host, options.CaCertificatesFile);
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException or OperationCanceledException)
        {
            return $"The TLS handshake with {url} itself failed ({e.Message}).";
        }
    }

    internal static string Explain(X509Certificate2 certificate, string host, string? caFile)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (caFile is { Length: > 0 })
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.ImportFromPemFile(caFile);
        }

        var problems = new List<string>();
        if (!chain.Build(certificate) && chain.ChainStatus.Any(s => s.Status is X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain))
        {
            problems.Add($"it is issued by {certificate.Issuer}, which is not a CA of {(caFile is { Length: > 0 } ? $"CaCertificatesFile '{caFile}'" : "this machine's trust store")}");
        }

        if (DateTime.UtcNow > certificate.NotAfter.ToUniversalTime() || DateTime.UtcNow < certificate.NotBefore.ToUniversalTime())
        {
            problems.Add($"it is valid only from {certificate.NotBefore:u} to {certificate.NotAfter:u}");
        }

        // libldap checks this machine's host name in place of "localhost".
        if (!certificate.MatchesHostname(host) && !(host == "localhost" && certificate.MatchesHostname(Environment.MachineName)))
        {
            problems.Add($"it does not name {host} (it names {Names(certificate)})");
        }

        return problems.Count == 0
            ? $"The DC's certificate ({certificate.Subject}) is trusted and names {host}: the failure lies elsewhere."
            : $"The DC's certificate ({certificate.Subject}) is refused: {string.Join("; ", problems)}.";
    }

    private static async Task<X509Certificate2?> FetchAsync(Uri url, bool startTls, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(url.Host, url.IsDefaultPort || url.Port <= 0 ? (startTls ? 389 : 636) : url.Port, limit.Token);
        var stream = tcp.GetStream();
        if (startTls && !await StartTlsAsync(stream, limit.Token))
        {
            return null;
        }

        X509Certificate2? seen = null;
        await using var tls = new SslStream(stream, false, (_, certificate, _, _) =>
        {
            seen = certificate is null ? null : new X509Certificate2(certificate);
            return true;
        });
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = url.Host }, limit.Token);
        return seen;
    }

    /// <summary>Sends the StartTLS extended request (RFC 4511 4.14) and reads whether the DC agreed (resultCode 0).</summary>
    private static async Task<bool> StartTlsAsync(NetworkStream stream, CancellationToken ct)
    {
        var oid = System.Text.Encoding.ASCII.GetBytes(StartTlsOid);
        byte[] request = [0x30, (byte)(oid.Length + 7), 0x02, 0x01, 0x01, 0x77, (byte)(oid.Length + 2), 0x80, (byte)oid.Length, .. oid];
        await stream.WriteAsync(request, ct);
        var header = new byte[2];
        await stream.ReadExactlyAsync(header, ct);
        var length = header[1] < 0x80 ? header[1] : await LongLengthAsync(stream, header[1] & 0x7f, ct);
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, ct);
        // messageID, then [APPLICATION 24] with its length, then resultCode ENUMERATED: 0x0a 0x01 code.
        var result = body.AsSpan().IndexOf([(byte)0x0a, (byte)0x01]);
        return result >= 0 && result + 2 < body.Length && body[result + 2] == 0;
    }

    private static async Task<int> LongLengthAsync(NetworkStream stream, int bytes, CancellationToken ct)
    {
        var buffer = new byte[bytes];
        await stream.ReadExactlyAsync(buffer, ct);
        return buffer.Aggregate(0, (length, b) => (length << 8) | b);
    }

    private static string Names(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault() is { } san
            ? string.Join(", ", san.EnumerateDnsNames().Concat(san.EnumerateIPAddresses().Select(ip => ip.ToString())))
            : certificate.GetNameInfo(X509NameType.SimpleName, false);
}
