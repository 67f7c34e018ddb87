using Microsoft.Extensions.Configuration;
using Whfb.Testing.Graph;

namespace Whfb.GraphClient.Tests.Certificates;

/// <summary>What the Graph section may hold, as every service reads it: one credential, secrets never in appsettings or messages.</summary>
public sealed class GraphConnectionLoaderTests(CertificateApps apps) : IClassFixture<CertificateApps>
{
    [Fact]
    public void A_certificate_and_a_secret_together_are_refused()
    {
        var problems = Problems(apps.Configuration(CertificateApps.PemApp, ("ClientCertificatePath", apps.Path("app.pem")), ("ClientSecret", "s")));

        Assert.Contains(problems, p => p.Contains("both set", StringComparison.Ordinal));
    }

    [Fact]
    public void No_credential_at_all_names_both_ways()
    {
        var problem = Assert.Single(Problems(apps.Configuration(CertificateApps.PemApp)));

        Assert.Contains("Graph:ClientCertificatePath", problem, StringComparison.Ordinal);
        Assert.Contains("Graph:ClientSecret", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_refused()
    {
        var problem = Assert.Single(Problems(apps.Configuration(CertificateApps.PemApp, ("ClientCertificatePath", apps.Path("no-key.pem")))));

        Assert.Contains("no private key", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_pfx_password_is_refused_without_showing_it()
    {
        const string wrong = "not-the-Pfx-password";
        var problem = Assert.Single(Problems(apps.Configuration(CertificateApps.PemApp,
            ("ClientCertificatePath", apps.Path("app.pfx")), ("ClientCertificatePassword", wrong))));

        Assert.Contains("password is wrong", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_password_in_an_appsettings_file_is_refused()
    {
        var json = apps.Path("appsettings.Production.json");
        File.WriteAllText(json, $$"""{ "Graph": { "ClientCertificatePassword": "{{CertificateApps.PfxPassword}}" } }""");
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(apps.Configuration(CertificateApps.PemApp, ("ClientCertificatePath", apps.Path("app.pfx"))))
            .AddJsonFile(json).Build();

        var problems = Problems(configuration);

        Assert.Contains(problems, p => p.Contains("Graph:ClientCertificatePassword must not be stored in an appsettings file", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains(CertificateApps.PfxPassword, StringComparison.Ordinal));
    }

    [Fact]
    public void The_connection_never_shows_its_secret()
    {
        var connection = GraphConnectionLoader.Load(apps.Configuration(CertificateApps.PemApp, ("ClientSecret", "s3cret-for-the-string-test")));

        Assert.DoesNotContain("s3cret-for-the-string-test", connection.ToString(), StringComparison.Ordinal);
    }

    private static List<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        Assert.Null(GraphConnectionLoader.Load(configuration, problems));
        return problems;
    }
}
