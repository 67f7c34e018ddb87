namespace Whfb.Insights.Infrastructure.Migrations;

/// <summary>Webhooks (admin-managed), alert episodes and their durable delivery queue.</summary>
internal static class AlertsSchemaSql
{
    public const string Up = """
        CREATE TABLE webhooks (
            id uuid PRIMARY KEY, tenant_id uuid NOT NULL, name text NOT NULL, url text NOT NULL, secret text NOT NULL,
            format text NOT NULL, kinds text[] NOT NULL, enabled boolean NOT NULL, created_at timestamptz NOT NULL);
        CREATE INDEX ix_webhooks_tenant ON webhooks (tenant_id);

        -- One open episode per (tenant, episode key): a repeated "stuck" for the same key opens nothing new.
        CREATE TABLE alerts (
            id uuid PRIMARY KEY, tenant_id uuid NOT NULL, episode_key text NOT NULL, kind text NOT NULL, title text NOT NULL,
            text text NOT NULL, device_id uuid, opened_at timestamptz NOT NULL, resolved_at timestamptz, resolution text,
            acknowledged_at timestamptz, acknowledged_by text);
        CREATE UNIQUE INDEX ux_alerts_open_episode ON alerts (tenant_id, episode_key) WHERE resolved_at IS NULL;
        CREATE INDEX ix_alerts_tenant ON alerts (tenant_id, opened_at DESC);

        CREATE TABLE alert_deliveries (
            id uuid PRIMARY KEY, alert_id uuid NOT NULL REFERENCES alerts (id), webhook_id uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
            event text NOT NULL, status text NOT NULL, attempts int NOT NULL, next_attempt_at timestamptz NOT NULL,
            last_error text, delivered_at timestamptz, created_at timestamptz NOT NULL);
        CREATE INDEX ix_alert_deliveries_due ON alert_deliveries (next_attempt_at) WHERE status = 'pending';
        CREATE INDEX ix_alert_deliveries_alert ON alert_deliveries (alert_id);
        """;

    public const string Down = "DROP TABLE alert_deliveries; DROP TABLE alerts; DROP TABLE webhooks;";
}
