using Whfb.Insights.Analytics;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.Insights.Alerts;

/// <summary>
/// Webhooks of one tenant. The secret and the URL (Teams and Slack URLs are the credential) are written encrypted
/// (<see cref="WebhookSecrets"/>); the secret is never read back out, the URL only as scheme and host.
/// </summary>
public sealed class WebhookStore(Db db, WebhookSecrets secrets, TimeProvider time)
{
    private const string Columns = "id, name, url, format, kinds, enabled, created_at";

    public Task<List<Webhook>> ListAsync(Guid tenant, CancellationToken ct) =>
        db.QueryAsync($"SELECT {Columns} FROM webhooks WHERE tenant_id = @t ORDER BY created_at", Shown, ct, ("t", tenant));

    public async Task<Webhook?> GetAsync(Guid tenant, Guid id, CancellationToken ct) =>
        (await db.QueryAsync($"SELECT {Columns} FROM webhooks WHERE tenant_id = @t AND id = @id", Shown, ct, ("t", tenant), ("id", id))).SingleOrDefault();

    /// <summary>The new webhook, or null when the tenant already has <paramref name="max"/>.</summary>
    public async Task<Webhook?> CreateAsync(Guid tenant, WebhookRequest request, int max, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var created = await db.ExecuteAsync("""
            INSERT INTO webhooks (id, tenant_id, name, url, secret, format, kinds, enabled, created_at)
            SELECT @id, @t, @n, @u, @s, @f, @k, @e, @c WHERE (SELECT count(*) FROM webhooks WHERE tenant_id = @t) < @max
            """,
            ct, ("id", id), ("t", tenant), ("n", request.Name), ("u", secrets.Protect(request.Url)), ("s", secrets.Protect(request.Secret!)), ("f", request.Format ?? "generic"),
            ("k", (request.Kinds ?? []).ToArray()), ("e", request.Enabled ?? true), ("c", time.GetUtcNow()), ("max", max));
        return created == 0 ? null : await GetAsync(tenant, id, ct);
    }

    public async Task<Webhook?> UpdateAsync(Guid tenant, Guid id, WebhookRequest request, CancellationToken ct)
    {
        var updated = await db.ExecuteAsync("""
            UPDATE webhooks SET name = @n, url = @u, secret = coalesce(@s, secret), format = @f, kinds = @k, enabled = @e
            WHERE tenant_id = @t AND id = @id
            """, ct, ("id", id), ("t", tenant), ("n", request.Name), ("u", secrets.Protect(request.Url)), ("s", request.Secret is null ? null : secrets.Protect(request.Secret)),
            ("f", request.Format ?? "generic"), ("k", (request.Kinds ?? []).ToArray()), ("e", request.Enabled ?? true));
        return updated == 0 ? null : await GetAsync(tenant, id, ct);
    }

    public async Task<bool> DeleteAsync(Guid tenant, Guid id, CancellationToken ct) =>
        await db.ExecuteAsync("DELETE FROM webhooks WHERE tenant_id = @t AND id = @id", ct, ("t", tenant), ("id", id)) == 1;

    private Webhook Shown(System.Data.Common.DbDataReader r) =>
        new(r.GetGuid(0), r.GetString(1), RedactedUrl.Of(new Uri(secrets.Reveal(r.GetString(2)))), r.GetString(3), r.GetFieldValue<string[]>(4), r.GetBoolean(5),
            r.GetFieldValue<DateTimeOffset>(6));
}
