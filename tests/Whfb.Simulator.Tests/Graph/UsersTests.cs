using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace Whfb.Simulator.Tests.Graph;

public sealed class UsersTests(GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>
{
    [Fact]
    public async Task PageIterator_walks_every_user_across_nextLink_pages()
    {
        var client = emulator.Client();
        var first = await client.Users.GetAsync(r => r.QueryParameters.Top = 100);
        var seen = new List<string>();
        var iterator = PageIterator<User, UserCollectionResponse>.CreatePageIterator(client, first!, user =>
        {
            seen.Add(user.UserPrincipalName!);
            return true;
        });

        await iterator.IterateAsync();

        Assert.Equal(TestTenant.UserCount, seen.Count);
        Assert.Equal(TestTenant.UserCount, seen.Distinct().Count());
        Assert.NotNull(first!.OdataNextLink);
    }

    [Fact]
    public async Task Filter_by_userPrincipalName_and_select_return_only_the_asked_fields()
    {
        var page = await emulator.Client().Users.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"userPrincipalName eq '{TestTenant.Upn(7)}'";
            r.QueryParameters.Select = ["id", "userPrincipalName"];
        });

        var user = Assert.Single(page!.Value!);
        Assert.Equal(TestTenant.UserId(7), user.Id);
        Assert.Null(user.DisplayName);
    }

    [Fact]
    public async Task User_by_id_or_upn_and_unknown_user_is_ODataError_404()
    {
        var client = emulator.Client();
        Assert.Equal(TestTenant.Upn(3), (await client.Users[TestTenant.UserId(3)].GetAsync())!.UserPrincipalName);
        Assert.Equal(TestTenant.UserId(4), (await client.Users[TestTenant.Upn(4)].GetAsync())!.Id);

        var error = await Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(() => client.Users["nobody"].GetAsync());

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", error.Error!.Code);
    }

    [Fact]
    public async Task Delta_returns_all_users_then_only_changes_and_removals()
    {
        var client = emulator.Client();
        var builder = client.Users.Delta;
        var all = new List<User>();
        var page = await builder.GetAsDeltaGetResponseAsync();
        while (true)
        {
            all.AddRange(page!.Value!);
            if (page.OdataNextLink is null)
            {
                break;
            }

            page = await builder.WithUrl(page.OdataNextLink).GetAsDeltaGetResponseAsync();
        }

        emulator.Directory.PutUser(new Simulator.Tenant.TenantUser { Id = "delta-new", UserPrincipalName = "new@whfb.test", DisplayName = "New" });
        emulator.Directory.DeleteUser("delta-new");
        emulator.Directory.PutUser(new Simulator.Tenant.TenantUser { Id = "delta-2", UserPrincipalName = "d2@whfb.test", DisplayName = "Two" });
        var changes = await builder.WithUrl(page.OdataDeltaLink!).GetAsDeltaGetResponseAsync();

        Assert.True(all.Count >= TestTenant.UserCount);
        Assert.Equal(["delta-new", "delta-2"], changes!.Value!.Select(u => u.Id));
        Assert.True(changes.Value![0].AdditionalData.ContainsKey("@removed"));
        Assert.NotNull(changes.OdataDeltaLink);
    }
}
