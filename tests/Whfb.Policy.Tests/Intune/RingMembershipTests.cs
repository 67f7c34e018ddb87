namespace Whfb.Policy.Tests.Intune;

/// <summary>
/// Ring membership from Graph transitive members: nested groups, member devices and member users' Windows PCs from Intune
/// (primary user), paging.
/// </summary>
public sealed class RingMembershipTests(IntuneEmulator emulator) : IClassFixture<IntuneEmulator>
{
    [Fact]
    public async Task Nested_groups_member_devices_and_the_Intune_PCs_of_member_users_are_included_but_phones_and_unjoined_PCs_not()
    {
        await using var host = await IntuneHost.StartAsync(emulator);

        var ring = await host.Rings.ResolveAsync(IntuneEmulator.RingA, IntuneHost.Caller(), CancellationToken.None);

        Assert.Equal(IntuneEmulator.RingA, ring.GroupId);
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }.Select(IntuneEmulator.DeviceId).Order(), ring.DeviceIds.Order());
        Assert.Equal(["user-a1", "user-b1", "user-c1"], ring.UserIds.Order());
        Assert.Equal(["a1@whfb.test", "b1@whfb.test", "c1@whfb.test"], ring.UserPrincipalNames.Order());
    }

    [Fact]
    public async Task The_inner_ring_alone_does_not_see_the_outer_ring()
    {
        await using var host = await IntuneHost.StartAsync(emulator);

        var ring = await host.Rings.ResolveAsync(IntuneEmulator.RingB, IntuneHost.Caller(), CancellationToken.None);

        Assert.Equal(new[] { 3, 5 }.Select(IntuneEmulator.DeviceId).Order(), ring.DeviceIds.Order());
        Assert.Equal(["user-b1", "user-c1"], ring.UserIds.Order());
    }

    [Fact]
    public async Task A_ring_larger_than_one_page_is_read_to_the_end()
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var caller = IntuneHost.Caller();

        var ring = await host.Rings.ResolveAsync(IntuneEmulator.Big, caller, CancellationToken.None);

        Assert.Equal(IntuneEmulator.BigSize, ring.DeviceIds.Count);
        Assert.Equal(Enumerable.Range(100, IntuneEmulator.BigSize).Select(IntuneEmulator.DeviceId).Order(), ring.DeviceIds.Order());
        Assert.Equal(2, host.Audit.For(caller.RolloutId!.Value).Count(c => c.Url.Contains("transitiveMembers", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Managed_devices_of_member_users_are_read_twenty_users_per_batch_and_registered_devices_never()
    {
        await using var host = await IntuneHost.StartAsync(emulator);
        var caller = IntuneHost.Caller();

        var ring = await host.Rings.ResolveAsync(IntuneEmulator.Crowd, caller, CancellationToken.None);

        Assert.Equal(Enumerable.Range(2000, IntuneEmulator.CrowdSize).Select(IntuneEmulator.DeviceId).Order(), ring.DeviceIds.Order());
        Assert.Equal(IntuneEmulator.CrowdSize, ring.UserIds.Count);
        var calls = host.Audit.For(caller.RolloutId!.Value);
        Assert.Equal(["GET", "POST", "POST", "POST"], calls.Select(c => c.Method));
        Assert.All(calls.Skip(1), c => Assert.EndsWith("/$batch", c.Url, StringComparison.Ordinal));
        Assert.Equal(IntuneEmulator.CrowdSize, calls.Skip(1).Sum(c => System.Text.RegularExpressions.Regex.Count(c.RequestBody!, "/managedDevices")));
        Assert.DoesNotContain(calls, c => c.RequestBody?.Contains("registeredDevices", StringComparison.OrdinalIgnoreCase) == true);
    }
}
