using Microsoft.Extensions.Configuration;
using Whfb.Directory.Ldap;
using Whfb.Directory.Ldap.Inspection;

namespace Whfb.Cli.Doctor.Directory;

/// <summary>
/// The directory checks of SyncTracker's settings, on one connection made as the scanner makes it: bind and transport,
/// schema, read access on a sample of users; and the clock, on an anonymous connection of its own.
/// </summary>
internal static class DirectoryChecks
{
    private const string Subject = "directory";

    public static async Task<IReadOnlyList<CheckResult>> RunAsync(IConfiguration configuration, int sample, TimeProvider time, CancellationToken ct)
    {
        var problems = new List<string>();
        if (DirectorySettingsReader.Read(configuration, problems) is not { } options)
        {
            return [CheckResult.Fail("directory-settings", Subject, string.Join(" ", problems),
                $"set the {DirectorySettingsReader.Section} section SyncTracker is given (settings file or SyncTracker__Directory__… environment variables)")];
        }

        using var inspector = new DirectoryInspector(options);
        var (rootDse, results) = await LdapBindCheck.RunAsync(inspector, options, ct);
        var all = results.ToList();
        if (rootDse is null)
        {
            all.Add(CheckResult.Skip("schema", Subject, "no bind"));
            all.Add(CheckResult.Skip("read-access", Subject, "no bind"));
        }
        else
        {
            var (attributes, schema) = await SchemaCheck.RunAsync(inspector, rootDse, ct);
            all.Add(schema);
            all.Add(schema.Status == CheckStatus.Pass
                ? await ReadAccessCheck.RunAsync(inspector, options, rootDse, attributes, sample, ct)
                : CheckResult.Skip("read-access", Subject, "no msDS-KeyCredentialLink in the schema"));
        }

        all.Add(LdapOptionsCheck.Problems(options with { BindMode = LdapBindMode.Anonymous, BindDn = null, Password = null }).Count == 0
            ? await ClockSkewCheck.RunAsync(options, time, ct)
            : CheckResult.Skip("clock-skew", Subject, "the directory settings are refused"));
        return all;
    }
}
