using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Whfb.Ingest;
using Whfb.Ingest.Model;
using Whfb.Ingest.Security;
using Whfb.Testing;

namespace Whfb.EndToEnd.Tests;

/// <summary>
/// A collector of a tenant, with a key created in the hosted Ingest's own store (the admin API is tested in
/// Whfb.Ingest.Tests): an import key, which posts any device of its tenant whatever the migration window says.
/// </summary>
internal static class CollectorKeys
{
    public static async Task<HttpClient> CollectorClientAsync(this ServiceFactory<IngestApp> ingest, Guid tenant)
    {
        await using var scope = ingest.Services.CreateAsyncScope();
        var (_, key) = await scope.ServiceProvider.GetRequiredService<CollectorKeyStore>().CreateAsync(tenant, CollectorKeyKind.Import, "e2e collector", "e2e", CancellationToken.None);
        var client = ingest.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
