using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Runtime.Versioning;

namespace Whfb.Directory.Ldap;

/// <summary>
/// Turns a CA bundle into the certificate directory OpenLDAP can be given per connection
/// (<c>LdapSessionOptions.TrustedCertificatesDirectory</c>, i.e. LDAP_OPT_X_TLS_CACERTDIR: the CA file option is not
/// exposed by .NET). One PEM file per certificate, named <c>HASH.N</c> as OpenSSL looks them up; GnuTLS builds (Debian's)
/// read every file of the directory. The directory is private to the process (mode 0700) and removed at exit.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class TrustedCaDirectory
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Directories = new(StringComparer.Ordinal);

    /// <summary>The directory holding the certificates of <paramref name="bundleFile"/> as it is now.</summary>
    public static string For(string bundleFile)
    {
        var bytes = File.ReadAllBytes(bundleFile);
        var key = Convert.ToHexString(SHA256.HashData(bytes));
        return Directories.GetOrAdd(key, _ => new Lazy<string>(() => Create(bundleFile))).Value;
    }

    private static string Create(string bundleFile)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(bundleFile);
        var directory = System.IO.Directory.CreateTempSubdirectory("whfb-ldap-ca-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(directory);
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var certificate in certificates)
        {
            var hash = OpenSslNameHash.Of(certificate.SubjectName);
            var index = used.TryGetValue(hash, out var n) ? n + 1 : 0;
            used[hash] = index;
            File.WriteAllText(Path.Combine(directory, $"{hash}.{index}"), certificate.ExportCertificatePem() + "\n");
            certificate.Dispose();
        }

        return directory;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; it holds only public certificates.
        }
    }
}
