using Whfb.Directory.Ldap;

namespace Whfb.Directory.Tests.Ldap;

public class ScanPlannerTests
{
    private const string Dc1 = "CN=NTDS Settings,CN=DC1,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=whfb,DC=test";
    private const string Dc2 = "CN=NTDS Settings,CN=DC2,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=whfb,DC=test";
    private static readonly Guid Invocation = Guid.NewGuid();
    private static readonly DirectoryServerState Now = new(Dc1, Invocation, 5000);

    [Fact]
    public void Cursor_of_the_same_dc_gives_an_incremental_scan_from_the_next_usn()
    {
        var plan = ScanPlanner.Plan(Request(new ScanCursor(Dc1, Invocation, 4200)), Now);

        Assert.Equal(ScanMode.Incremental, plan.Mode);
        Assert.Equal("(&(objectClass=user)(uSNChanged>=4201))", plan.Filter);
        Assert.Null(plan.Reason);
    }

    [Fact]
    public void The_matching_cursor_is_picked_among_several_dcs()
    {
        var plan = ScanPlanner.Plan(Request(new ScanCursor(Dc2, Guid.NewGuid(), 9), new ScanCursor(Dc1.ToUpperInvariant(), Invocation, 77)), Now);

        Assert.Equal("(&(objectClass=user)(uSNChanged>=78))", plan.Filter);
    }

    [Theory]
    [InlineData("no-cursor", "no cursor yet")]
    [InlineData("other-dc", "no cursor for DC")]
    [InlineData("restored", "invocation id changed")]
    [InlineData("backwards", "below the cursor")]
    [InlineData("forced", "requested")]
    public void Full_scan_when_the_cursor_cannot_be_trusted(string situation, string reason)
    {
        var request = situation switch
        {
            "no-cursor" => Request(),
            "other-dc" => Request(new ScanCursor(Dc2, Invocation, 10)),
            "restored" => Request(new ScanCursor(Dc1, Guid.NewGuid(), 10)),
            "backwards" => Request(new ScanCursor(Dc1, Invocation, 6000)),
            _ => Request(new ScanCursor(Dc1, Invocation, 10)) with { ForceFull = true },
        };

        var plan = ScanPlanner.Plan(request, Now);

        Assert.Equal(ScanMode.Full, plan.Mode);
        Assert.Equal(ScanPlanner.FullFilter, plan.Filter);
        Assert.Contains(reason, plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_invocation_id_does_not_force_a_full_scan()
    {
        var plan = ScanPlanner.Plan(Request(new ScanCursor(Dc1, null, 10)), Now with { InvocationId = null });

        Assert.Equal(ScanMode.Incremental, plan.Mode);
    }

    private static KeyScanRequest Request(params ScanCursor[] cursors) => new() { Cursors = cursors };
}
