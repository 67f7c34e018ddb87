using Whfb.GraphClient.Access;
using Whfb.Testing.Directory;
using Xunit;
using Xunit.Abstractions;

namespace Whfb.Cli.Tests.Doctor;

/// <summary>A setup with four faults at once, as text: every fault has its own FAIL line and fix, the rest still pass.</summary>
public sealed class BrokenSetupDoctorTests(BrokenTenant tenant, ScannedOu ou, ITestOutputHelper output) : IClassFixture<BrokenTenant>, IClassFixture<ScannedOu>
{
    [Fact]
    public async Task Each_fault_of_a_broken_setup_fails_on_its_own_line()
    {
        tenant.ConsentAllBut([.. GraphFeatures.KeyInventory.AcceptedPermissions]);
        var hidden = await ou.KeyHolderAsync("doc-broken");
        DenyReadAcl.Apply(hidden.DistinguishedName, DenyReadAcl.SidOf(ScannedOu.ReaderDn + LocalDirectory.BaseDn));
        using var files = new DoctorProcess();
        var settings = files.WriteSettings(DoctorSetup.Settings(tenant, ou.KerberosSection()));

        var (exit, text) = await WhfbProcess.RunAsync("", DoctorSetup.SecretEnvironment, "doctor", "--settings", settings);

        output.WriteLine(text);
        Assert.Equal(1, exit);
        var failed = text.Split('\n').Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).Select(l => l.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries)[1]);
        Assert.Equal(["permission:key-inventory", "licence", "directory-sync", "read-access"], failed);
        Assert.EndsWith("13 passed, 0 warnings, 4 failed, 0 skipped\n", text, StringComparison.Ordinal);
        Assert.Equal(4, text.Split('\n').Count(l => l.StartsWith("      fix: ", StringComparison.Ordinal)));
    }
}
