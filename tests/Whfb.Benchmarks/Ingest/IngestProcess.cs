using Whfb.ServiceDefaults.Security;
using Whfb.Testing;

namespace Whfb.Benchmarks.Ingest;

/// <summary>Ingest as its own Release process on the benchmark's database and virtual host, with one admin key of the tenant.</summary>
internal static class IngestProcess
{
    /// <summary>The running service and its admin key. Per-key rate limits are lifted: the benchmarks measure Ingest, not its limiter.</summary>
    public static async Task<(ServiceProcess Service, string AdminKey)> StartAsync(IsolatedDatabase db, IsolatedVirtualHost vhost, Guid tenant)
    {
        var adminKey = ApiKeyHasher.NewKey("adm");
        var service = await ServiceProcess.StartAsync("Ingest", new Dictionary<string, string>
        {
            ["ConnectionStrings__ingestdb"] = db.ConnectionString,
            ["ConnectionStrings__rabbitmq"] = vhost.AmqpConnectionString,
            ["Auth__ApiKeys__0__Name"] = "bench", ["Auth__ApiKeys__0__Role"] = "admin",
            ["Auth__ApiKeys__0__TenantId"] = tenant.ToString(), ["Auth__ApiKeys__0__Sha256"] = ApiKeyHasher.Hash(adminKey),
            ["Ingest__BurstPerKey"] = "1000000", ["Ingest__RequestsPerSecondPerKey"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
        }, TimeSpan.FromSeconds(120));
        return (service, adminKey);
    }
}
