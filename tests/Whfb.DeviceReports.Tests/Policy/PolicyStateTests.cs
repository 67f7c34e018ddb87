using System.Text;
using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Policy;
using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Tests.Policy;

public class PolicyStateTests
{
    private static PolicyStateReported Evaluate(string file)
    {
        var read = PolicyStateReader.Read(Samples.Bytes("Policy/" + file));
        Assert.True(read.IsValid, read.Error?.Reason);
        return PolicyStateEvaluator.Evaluate(Samples.Tenant, read.State!);
    }

    [Fact]
    public void Gpo_wins_over_mdm_and_the_conflict_is_flagged()
    {
        var verdict = Evaluate("gpo-overrides-mdm.json");

        Assert.Equal(DevicePolicySource.Gpo, verdict.EffectiveSource);
        Assert.True(verdict.GpoOverridesMdm);
        Assert.True(verdict.UsePassportForWork);
        Assert.False(verdict.RequireSecurityDevice);
        Assert.Equal(["RequireSecurityDevice"], verdict.ConflictingSettings);
        Assert.Contains(new PolicySettingValue(PolicyScope.ComputerGpo, "PINComplexity\\MinimumPINLength", "6", null), verdict.Values);
        Assert.Contains(new PolicySettingValue(PolicyScope.DeviceMdm, "UsePassportForWork", "1", Samples.Tenant.ToString()), verdict.Values);
        Assert.Equal(6, verdict.Values.Count);
    }

    [Fact]
    public void Mdm_only_in_the_registry_layout_with_user_scope_winning()
    {
        var verdict = Evaluate("mdm-only-registry-layout.json");

        Assert.Equal(DevicePolicySource.Mdm, verdict.EffectiveSource);
        Assert.False(verdict.GpoOverridesMdm);
        Assert.True(verdict.UsePassportForWork);
        Assert.False(verdict.RequireSecurityDevice);
        Assert.Empty(verdict.ConflictingSettings);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1747728000000), verdict.CollectedAt);
        var user = Assert.Single(verdict.Values, v => v.Scope == PolicyScope.UserMdm);
        Assert.EndsWith("\\S-1-12-1-1234567890-1234567890-1234567890-1234567890", user.ScopeKey);
    }

    [Fact]
    public void PowerShell_noise_is_ignored_and_user_gpo_beats_computer_gpo()
    {
        var verdict = Evaluate("powershell-get-itemproperty.json");

        Assert.Equal(DevicePolicySource.Gpo, verdict.EffectiveSource);
        Assert.False(verdict.UsePassportForWork);
        Assert.True(verdict.RequireSecurityDevice);
        Assert.Equal(3, verdict.Values.Count);
        Assert.DoesNotContain(verdict.Values, v => v.Name.StartsWith("PS", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2025, 5, 20, 8, 0, 0, TimeSpan.Zero), verdict.CollectedAt);
    }

    [Fact]
    public void Nothing_configured_means_no_source()
    {
        var verdict = Evaluate("none.json");

        Assert.Equal(DevicePolicySource.None, verdict.EffectiveSource);
        Assert.Null(verdict.UsePassportForWork);
        Assert.Empty(verdict.Values);
        Assert.Equal(verdict.EventId, Evaluate("none.json").EventId);
    }

    [Theory]
    [InlineData("{", RecordErrorKind.MalformedJson, "$")]
    [InlineData("[]", RecordErrorKind.NotAnObject, "$")]
    [InlineData("""{"collectedAt":"2025-05-20T08:00:00Z"}""", RecordErrorKind.MissingField, "$.deviceId")]
    [InlineData("""{"deviceId":"x","collectedAt":"2025-05-20T08:00:00Z"}""", RecordErrorKind.InvalidValue, "$.deviceId")]
    [InlineData("""{"deviceId":"6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b"}""", RecordErrorKind.MissingField, "$.collectedAt")]
    [InlineData("""{"deviceId":"6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b","collectedAt":"2025-05-20T08:00:00Z","gpo":[1]}""", RecordErrorKind.WrongType, "$.gpo")]
    public void Bad_documents_are_rejected_with_a_path(string json, RecordErrorKind kind, string path)
    {
        var read = PolicyStateReader.Read(Encoding.UTF8.GetBytes(json));

        Assert.False(read.IsValid);
        Assert.Equal(kind, read.Error!.Kind);
        Assert.Equal(path, read.Error.Path);
    }
}
