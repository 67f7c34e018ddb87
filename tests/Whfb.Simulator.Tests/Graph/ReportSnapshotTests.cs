using Microsoft.Graph.Models.ODataErrors;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Tests.Graph;

/// <summary>The registration report is a periodic snapshot without disabled users, as Entra serves it.</summary>
public sealed class ReportSnapshotTests(ReportSnapshotFixture emulator) : IClassFixture<ReportSnapshotFixture>
{
    private const string Whfb = "methodsRegistered/any(m:m eq 'windowsHelloForBusiness')";

    [Fact]
    public async Task A_key_registered_after_the_snapshot_shows_only_in_the_next_one_and_disabled_users_never()
    {
        var before = await WhfbUsersAsync();
        emulator.Methods.Add(new HelloMethod
        {
            Id = "late", UserId = TestTenant.UserId(100), DeviceId = TestTenant.DeviceId(100), DisplayName = "PC-100",
            CreatedDateTime = TestTenant.Created, KeyMaterial = new byte[16],
        });
        var same = await WhfbUsersAsync();
        await Task.Delay(ReportSnapshotFixture.Refresh + TimeSpan.FromMilliseconds(200));
        var next = await WhfbUsersAsync();
        var disabled = await Assert.ThrowsAsync<ODataError>(() =>
            emulator.Client().Reports.AuthenticationMethods.UserRegistrationDetails[ReportSnapshotFixture.DisabledUser].GetAsync());

        Assert.Equal(TestTenant.UsersWithKeys, before.Count);
        Assert.Equal(before, same);
        Assert.Equal([.. before, TestTenant.UserId(100)], next);
        Assert.DoesNotContain(ReportSnapshotFixture.DisabledUser, next);
        Assert.Equal(404, disabled.ResponseStatusCode);
    }

    private async Task<List<string>> WhfbUsersAsync()
    {
        var page = await emulator.Client().Reports.AuthenticationMethods.UserRegistrationDetails.GetAsync(r => r.QueryParameters.Filter = Whfb);
        return [.. page!.Value!.Select(d => d.Id!)];
    }
}

/// <summary>The test tenant, its report taken anew every two seconds, plus a disabled user holding a WHfB key.</summary>
public sealed class ReportSnapshotFixture : GraphEmulatorFixture
{
    public const string DisabledUser = "00000000-0000-4000-8000-999999999999";
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulator:Graph:RegistrationReportRefresh"] = "00:00:02",
    };

    protected override void Seed(TenantDirectory directory, HelloMethodStore methods)
    {
        base.Seed(directory, methods);
        directory.PutUser(new TenantUser { Id = DisabledUser, UserPrincipalName = "left@whfb.test", DisplayName = "Left", AccountEnabled = false });
        methods.Add(new HelloMethod
        {
            Id = "gone", UserId = DisabledUser, DeviceId = Guid.NewGuid(), DisplayName = "PC-X", CreatedDateTime = TestTenant.Created, KeyMaterial = new byte[16],
        });
    }
}
