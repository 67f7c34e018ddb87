using Whfb.Testing;
using Xunit;

namespace Whfb.Cli.Tests.Doctor;

/// <summary>The README's permission table is the output of <c>whfb doctor --permissions</c> (made from GraphFeatures), so it cannot drift.</summary>
public sealed class PermissionTableTests
{
    [Fact]
    public async Task The_readme_holds_the_table_whfb_doctor_prints()
    {
        var (exit, table) = await WhfbProcess.RunAsync("", "doctor", "--permissions");
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"));

        Assert.Equal(0, exit);
        Assert.Contains("| SyncTracker | `key-inventory` |", table, StringComparison.Ordinal);
        Assert.Contains("<!-- whfb doctor --permissions -->\n" + table + "<!-- end of whfb doctor --permissions -->", readme, StringComparison.Ordinal);
    }
}
