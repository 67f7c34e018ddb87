using Whfb.Directory.Ldap;

namespace Whfb.Directory.Tests.Ldap;

public class PagingScanTests(DirectoryOuFixture ou) : IClassFixture<DirectoryOuFixture>
{
    private const int Users = 120;
    private const int PageSize = 50;

    [Fact]
    public async Task More_users_than_one_page_are_all_returned_page_by_page()
    {
        var created = new List<DirectoryUserRef>();
        for (var i = 0; i < Users; i++)
        {
            var user = await ou.CreateUserAsync($"pager{i:D3}");
            await ou.AddEntraKeyAsync(user);
            created.Add(new(user.ObjectGuid));
        }

        var (summary, scan) = await ScanCollector.ScanAsync(ou.Options(PageSize));

        Assert.Equal(3, summary.Pages);
        Assert.All(scan.Pages, p => Assert.InRange(p.Users.Count, 1, PageSize));
        Assert.Equal([1, 2, 3], scan.Pages.Select(p => p.PageNumber));
        Assert.Equal(Users, summary.Users);
        Assert.Equal(Users, summary.Values);
        Assert.Equal(created.Select(c => c.ObjectGuid).Order(), scan.Users.Select(u => u.ObjectGuid).Order());
    }
}

internal sealed record DirectoryUserRef(Guid ObjectGuid);
