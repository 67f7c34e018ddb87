using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Whfb.Secrets;

namespace Whfb.GraphClient;

/// <summary>The app's credential from the <c>Graph</c> section: exactly one of a certificate and a client secret.</summary>
internal static class GraphCredentialSettings
{
    public static (string? Secret, X509Certificate2? Certificate) Read(IConfiguration configuration, IConfigurationSection section, ICollection<string> problems)
    {
        var path = section["ClientCertificatePath"] is { Length: > 0 } p ? p : null;
        var before = problems.Count;
        var secret = ConfiguredSecret.Read(configuration, $"{section.Path}:ClientSecret", problems);
        var secretRefused = problems.Count > before;
        if (path is not null && secret is not null)
        {
            problems.Add("Graph:ClientCertificatePath and Graph:ClientSecret are both set: give the app one credential.");
            return (null, null);
        }

        if (path is null)
        {
            if (secret is null && !secretRefused)
            {
                problems.Add("Graph has no credential: set Graph:ClientCertificatePath (a certificate, the usual choice in enterprises) "
                    + "or Graph:ClientSecret through the environment (Graph__ClientSecret) or a secret file (Graph:ClientSecretFile).");
            }

            return (secret, null);
        }

        var password = ConfiguredSecret.Read(configuration, $"{section.Path}:ClientCertificatePassword", problems);
        var certificate = GraphClientCertificate.TryLoad(path, password, out var problem);
        if (problem is not null)
        {
            problems.Add($"Graph:ClientCertificatePath {problem}");
        }

        return (null, certificate);
    }
}
