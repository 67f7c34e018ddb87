using Microsoft.Extensions.Options;
using Whfb.Directory.Ldap;
using Whfb.Secrets;

namespace Whfb.SyncTracker.ActiveDirectory;

/// <summary>
/// Reads the bind password the way every secret is read (<see cref="ConfiguredSecret"/>) and checks the directory
/// settings at start, so a service that would send a password in clear text, or name no usable DC, does not start.
/// </summary>
public sealed class AdScanOptionsSetup(IConfiguration configuration) : IPostConfigureOptions<AdScanOptions>, IValidateOptions<AdScanOptions>
{
    public const string PasswordKey = AdScanOptions.Section + ":Password";

    public void PostConfigure(string? name, AdScanOptions options) =>
        options.Password = ConfiguredSecret.Read(configuration, PasswordKey, new List<string>());

    public ValidateOptionsResult Validate(string? name, AdScanOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        ConfiguredSecret.Read(configuration, PasswordKey, problems);
        var urls = options.FailoverUrls.Prepend(options.Url!).ToList();
        problems.AddRange(urls.Where(u => !Uri.TryCreate(u, UriKind.Absolute, out _)).Select(u => $"{AdScanOptions.Section}: '{u}' is not a URL."));
        if (problems.Count == 0)
        {
            problems.AddRange(LdapOptionsCheck.Problems(options.ToLdap()).Select(p => $"{AdScanOptions.Section}: {p}"));
        }

        if (options.ScanInterval <= TimeSpan.Zero || options.StaleAfterScans < 1 || options.UnreachableAfterFailures < 1)
        {
            problems.Add($"{AdScanOptions.Section}: ScanInterval, StaleAfterScans and UnreachableAfterFailures must be positive.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
