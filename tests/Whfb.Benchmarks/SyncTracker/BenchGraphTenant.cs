using Whfb.Simulator.Tenant;
using Whfb.SyncTracker.Domain;
using Whfb.Testing.Graph;

namespace Whfb.Benchmarks.SyncTracker;

/// <summary>
/// The Graph emulator holding the Entra side of the seeded OU: one hybrid user per AD user (anchors from objectGUID and
/// objectSid) with the WHfB key Entra Connect exported (same DeviceId and creation time). Default throttling budgets
/// unless <paramref name="settings"/> says otherwise (the strict profile).
/// </summary>
internal sealed class BenchGraphTenant(IReadOnlyList<BenchDirectoryUser> users, IReadOnlyDictionary<string, string?>? settings = null) : GraphEmulator
{
    protected override IReadOnlyDictionary<string, string?> Settings => settings ?? base.Settings;

    protected override void Seed(TenantDirectory directory, HelloMethodStore methods)
    {
        var n = 0;
        foreach (var user in users)
        {
            var entra = directory.PutUser(new TenantUser
            {
                Id = Guid.NewGuid().ToString(),
                UserPrincipalName = user.Upn,
                DisplayName = user.Upn,
                OnPremisesImmutableId = EntraUserObservation.ImmutableIdOf(user.ObjectGuid),
                OnPremisesSecurityIdentifier = user.Sid,
                OnPremisesDistinguishedName = user.Dn,
            });
            var device = directory.PutDevice(new TenantDevice { Id = Guid.NewGuid().ToString(), DeviceId = user.DeviceId, DisplayName = $"PC-{n:D5}" });
            methods.Add(new HelloMethod
            {
                Id = $"m{n++:D6}",
                UserId = entra.Id,
                DeviceObjectId = device.Id,
                DeviceId = user.DeviceId,
                DisplayName = device.DisplayName,
                CreatedDateTime = user.Created,
                KeyMaterial = new byte[16],
            });
        }
    }
}
