using Microsoft.Extensions.Configuration;
using Whfb.Policy.Intune;

namespace Whfb.Policy.Tests.Intune;

/// <summary>The Graph connection settings: secret from the environment or a secret file, never appsettings, never in messages.</summary>
public sealed class ConnectionTests : IDisposable
{
    private const string Secret = "s3cr3t-value-for-tests";
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("whfb-intune-").FullName;

    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Graph:TenantId"] = "0B6D8F2A-5C4E-4A39-9E71-3F2A1C0D9B8E",
        ["Graph:ClientId"] = "app",
        ["Graph:BaseUrl"] = "https://graph.example.test/v1.0",
    };

    [Fact]
    public void Secret_from_the_environment_is_used_and_the_beta_url_is_derived()
    {
        var connection = IntuneConnection.Load(Config(new() { ["Graph:ClientSecret"] = Secret }));

        Assert.Equal(Secret, connection.Graph.ClientSecret);
        Assert.Equal(Guid.Parse("0b6d8f2a-5c4e-4a39-9e71-3f2a1c0d9b8e"), connection.TenantId);
        Assert.Equal("0b6d8f2a-5c4e-4a39-9e71-3f2a1c0d9b8e", connection.Graph.TenantId);
        Assert.Equal(new Uri("https://graph.example.test/beta"), connection.BetaUrl);
        Assert.DoesNotContain(Secret, connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_file_is_read_and_trimmed()
    {
        var file = Path.Combine(_directory, "graph-secret");
        File.WriteAllText(file, Secret + "\n");

        var connection = IntuneConnection.Load(Config(new() { ["Graph:ClientSecretFile"] = file }));

        Assert.Equal(Secret, connection.Graph.ClientSecret);
    }

    [Fact]
    public void Secret_in_an_appsettings_file_is_refused_without_echoing_it()
    {
        var json = Path.Combine(_directory, "appsettings.Production.json");
        File.WriteAllText(json, $$"""{ "Graph": { "ClientSecret": "{{Secret}}" } }""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Valid).AddJsonFile(json).Build();

        var error = Assert.Throws<InvalidOperationException>(() => IntuneConnection.Load(configuration));

        Assert.Contains("Graph:ClientSecret must not be stored in an appsettings file", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = "contoso",
            ["Graph:BaseUrl"] = "http://graph.example.test/v2",
            ["Graph:ClientSecretFile"] = Path.Combine(_directory, "missing"),
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => IntuneConnection.Load(configuration));

        Assert.Contains("Graph:TenantId must be a GUID", error.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:ClientId is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:ClientSecretFile", error.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:BaseUrl must be an absolute https URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_without_a_client_secret_does_not_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => IntuneHost.StartAsync(Valid));

        Assert.Contains("Graph has no credential", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

    private static IConfiguration Config(Dictionary<string, string?> extra) =>
        new ConfigurationBuilder().AddInMemoryCollection(Valid.Concat(extra)).Build();
}
