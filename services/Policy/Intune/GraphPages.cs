using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Whfb.Policy.Intune;

/// <summary>Every item of a typed collection response, following @odata.nextLink with the SDK's page iterator.</summary>
internal static class GraphPages
{
    public static async Task<IReadOnlyList<TItem>> AllAsync<TItem, TPage>(GraphServiceClient client, TPage? first, CancellationToken ct)
        where TPage : IParsable, IAdditionalDataHolder, new()
    {
        var items = new List<TItem>();
        if (first is null)
        {
            return items;
        }

        var iterator = PageIterator<TItem, TPage>.CreatePageIterator(client, first, item =>
        {
            items.Add(item);
            return true;
        });
        await iterator.IterateAsync(ct);
        return items;
    }
}
