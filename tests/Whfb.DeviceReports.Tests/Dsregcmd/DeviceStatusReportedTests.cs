using System.Text.Json;
using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Dsregcmd;
using Whfb.DeviceReports.Json;

namespace Whfb.DeviceReports.Tests.Dsregcmd;

public class DeviceStatusReportedTests
{
    [Fact]
    public void Contract_summarises_the_status_under_the_credential_tenant()
    {
        var status = DsregcmdParser.Parse(Samples.Text("Dsregcmd/hybrid-whfb.txt"));
        var credentialTenant = Guid.NewGuid();

        var reported = DeviceStatusMapper.ToReported(status, credentialTenant, null, Samples.Now);

        Assert.Equal(credentialTenant, reported.TenantId);
        Assert.Equal(Samples.Tenant, reported.ReportedTenantId);
        Assert.Equal(Samples.Device, reported.DeviceId);
        Assert.Equal(DeviceJoinType.HybridJoined, reported.JoinType);
        Assert.Equal((true, true, true), (reported.TpmProtected!.Value, reported.NgcSet!.Value, reported.AzureAdPrt!.Value));
        Assert.Equal(Guid.Parse("8d2c3b1a-4e5f-4071-9a8b-c7d6e5f4a3b2"), reported.NgcKeyId);
        Assert.Null(reported.PreReqResult);
        Assert.Equal(reported.EventId, DeviceStatusMapper.ToReported(status, credentialTenant, null, Samples.Now).EventId);
        Assert.NotEqual(reported.EventId, DeviceStatusMapper.ToReported(status, credentialTenant, null, Samples.Now.AddMinutes(1)).EventId);
    }

    [Fact]
    public void Collector_device_id_wins_over_the_printed_one()
    {
        var status = DsregcmdParser.Parse(Samples.Text("Dsregcmd/entra-joined-will-not-provision.txt"));
        var device = Guid.NewGuid();

        var reported = DeviceStatusMapper.ToReported(status, Samples.Tenant, device, Samples.Now);

        Assert.Equal(device, reported.DeviceId);
        Assert.Equal("WillNotProvision", reported.PreReqResult);
    }

    [Fact]
    public void Parse_result_serializes_as_camel_case_json_with_enum_names()
    {
        var status = DsregcmdParser.Parse(Samples.Text("Dsregcmd/entra-joined-will-not-provision.txt"));

        var json = JsonSerializer.Serialize(status, DeviceReportsJson.Options);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("EntraJoined", root.GetProperty("joinType").GetString());
        Assert.True(root.GetProperty("deviceState").GetProperty("azureAdJoined").GetBoolean());
        Assert.Equal("WillNotProvision", root.GetProperty("ngcPrerequisites").GetProperty("preReqResult").GetString());
        Assert.False(root.GetProperty("ngcPrerequisites").GetProperty("willProvision").GetBoolean());
        Assert.Equal("DeviceState", root.GetProperty("sections")[0].GetProperty("kind").GetString());
        Assert.Equal("AzureAdJoined", root.GetProperty("sections")[0].GetProperty("fields")[0].GetProperty("name").GetString());
        Assert.False(root.GetProperty("deviceState").TryGetProperty("domainName", out _));
    }
}
