using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Whfb.SyncTracker.ActiveDirectory;

namespace Whfb.SyncTracker.Tests.Settings;

/// <summary>The directory settings as the service reads them at start: the password's sources and what is refused.</summary>
public sealed class DirectorySettingsTests : IDisposable
{
    private const string Password = "s3cret-Directory-Pa55";
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("whfb-settings-").FullName;

    [Fact]
    public void A_password_in_an_appsettings_file_is_refused_without_showing_it()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"),
            $$"""{ "SyncTracker": { "Directory": { "Url": "ldaps://dc1", "BindDn": "CN=svc", "Password": "{{Password}}", "BaseDns": ["DC=x"] } } }""");
        var configuration = new ConfigurationBuilder().SetBasePath(_folder).AddJsonFile("appsettings.json").Build();

        var (options, result) = Load(configuration);

        Assert.True(result.Failed);
        Assert.Contains("must not be stored in an appsettings file", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.FailureMessage, StringComparison.Ordinal);
        Assert.Null(options.Password);
    }

    [Fact]
    public void The_password_comes_from_its_file()
    {
        var file = Path.Combine(_folder, "ldap-password");
        File.WriteAllText(file, Password + "\n");

        var (options, result) = Load(Memory(("Url", "ldaps://dc1"), ("BindDn", "CN=svc"), ("PasswordFile", file)));

        Assert.True(result.Succeeded);
        Assert.Equal(Password, options.Password);
    }

    [Theory]
    [InlineData("ldap://dc1", null, "false", "unencrypted")]
    [InlineData("ldap://dc1", "Negotiate", "false", "keytab")]
    [InlineData("ldaps://dc1", "Negotiate", "false", "inside TLS")]
    [InlineData("not a url", null, "false", "is not a URL")]
    public void Unusable_settings_stop_the_service(string url, string? bindMode, string allowPlain, string expected)
    {
        var (_, result) = Load(Memory(("Url", url), ("BindDn", "CN=svc"), ("Password", Password), ("BindMode", bindMode ?? "Simple"),
            ("AllowPlainTextBind", allowPlain)));

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_ldap_is_accepted_when_explicitly_allowed()
    {
        var (_, result) = Load(Memory(("Url", "ldap://dc1"), ("BindDn", "CN=svc"), ("Password", Password), ("AllowPlainTextBind", "true")));

        Assert.True(result.Succeeded);
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    private static IConfigurationRoot Memory(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(
            settings.Select(s => KeyValuePair.Create($"{AdScanOptions.Section}:{s.Key}", (string?)s.Value))
                .Append(KeyValuePair.Create($"{AdScanOptions.Section}:BaseDns:0", (string?)"DC=whfb,DC=test"))).Build();

    private static (AdScanOptions Options, ValidateOptionsResult Result) Load(IConfiguration configuration)
    {
        var options = configuration.GetSection(AdScanOptions.Section).Get<AdScanOptions>()!;
        var setup = new AdScanOptionsSetup(configuration);
        setup.PostConfigure(null, options);
        return (options, setup.Validate(null, options));
    }
}
