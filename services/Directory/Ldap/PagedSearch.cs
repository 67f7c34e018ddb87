using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap;

/// <summary>A subtree search with the paged results control, one page in memory at a time.</summary>
internal static class PagedSearch
{
    public static async Task<int> RunAsync(
        LdapSession session,
        SearchRequest request,
        int pageSize,
        Func<SearchResultEntryCollection, int, Task> onPage,
        CancellationToken cancellationToken)
    {
        var paging = new PageResultRequestControl(pageSize);
        request.Controls.Add(paging);
        var pages = 0;
        var restarted = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SearchResponse response;
            try
            {
                response = await session.SendAsync<SearchResponse>(request, cancellationToken);
            }
            catch (DirectoryAccessException) when (session.LastSendReconnected && paging.Cookie.Length > 0 && !restarted)
            {
                // The paging cookie belonged to the lost connection: run this base DN again (pages may repeat).
                restarted = true;
                paging.Cookie = [];
                continue;
            }

            pages++;
            await onPage(response.Entries, pages);
            var cookie = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault()?.Cookie;
            if (cookie is not { Length: > 0 })
            {
                return pages;
            }

            paging.Cookie = cookie;
        }
    }
}
