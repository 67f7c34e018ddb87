using System.Security.Cryptography.X509Certificates;
using Whfb.Directory.Ldap;

namespace Whfb.Directory.Tests.Ldap;

public class OpenSslNameHashTests
{
    /// <summary>The system trust store's HASH.N links were named by OpenSSL (c_rehash): every one must match.</summary>
    [Fact]
    public void Matches_openssl_for_every_ca_of_the_system_store()
    {
        var links = System.IO.Directory.GetFiles("/etc/ssl/certs", "*.0");
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPemFile(link);

            Assert.Equal(Path.GetFileNameWithoutExtension(link), OpenSslNameHash.Of(certificates[0].SubjectName));
            certificates[0].Dispose();
        }
    }

    [Fact]
    public void Ignores_case_and_extra_whitespace_as_openssl_does()
    {
        var plain = OpenSslNameHash.Of(new X500DistinguishedName("CN=Whfb Local CA, O=Example"));

        Assert.Equal(plain, OpenSslNameHash.Of(new X500DistinguishedName("CN=  whfb   LOCAL ca , O=EXAMPLE")));
    }
}
