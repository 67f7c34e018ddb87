using Whfb.Directory.Ldap;

namespace Whfb.Directory.Tests.Ldap;

public class KeyValueDiffTests
{
    [Fact]
    public void Added_and_removed_values_are_found()
    {
        var (added, removed) = KeyValueDiff.Compute(["B:2:AA:CN=u", "B:2:BB:CN=u"], ["B:2:BB:CN=u", "B:2:CC:CN=u"]);

        Assert.Equal(["B:2:CC:CN=u"], added);
        Assert.Equal(["B:2:AA:CN=u"], removed);
    }

    [Fact]
    public void Renaming_the_owner_or_changing_hex_case_is_not_a_change()
    {
        var (added, removed) = KeyValueDiff.Compute(["B:4:ABCD:CN=old,DC=x"], ["B:4:abcd:CN=new,DC=x"]);

        Assert.Empty(added);
        Assert.Empty(removed);
    }

    [Fact]
    public void Without_previous_values_everything_is_added()
    {
        var (added, removed) = KeyValueDiff.Compute([], ["B:2:AA:CN=u"]);

        Assert.Single(added);
        Assert.Empty(removed);
    }

    [Fact]
    public void Losing_every_value_removes_them_all()
    {
        var (added, removed) = KeyValueDiff.Compute(["B:2:AA:CN=u", "B:2:BB:CN=u"], []);

        Assert.Empty(added);
        Assert.Equal(2, removed.Count);
    }
}
