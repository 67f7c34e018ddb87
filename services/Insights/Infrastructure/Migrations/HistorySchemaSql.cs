namespace Whfb.Insights.Infrastructure.Migrations;

/// <summary>
/// The lifecycle history (partitioned by month) and its projections and daily rollups, in SQL: EF has no notion of
/// declarative partitioning, and the writer uses set-based SQL on these tables anyway.
/// </summary>
internal static class HistorySchemaSql
{
    // The primary key must contain the partition key. The event id alone is still unique: occurred_at is a field of
    // the message itself (a device record's TimeCreated, a key event's ObservedAt...), and a deterministic event id
    // always comes with the same message, so a redelivery lands in the same partition and hits the same key.
    public const string Up = """
        CREATE TABLE history (
            occurred_at timestamptz NOT NULL,
            event_id uuid NOT NULL,
            tenant_id uuid NOT NULL,
            kind text NOT NULL,
            device_id uuid,
            user_id uuid,
            user_principal_name text,
            rollout_id uuid,
            ring_index int,
            detail text,
            recorded_at timestamptz NOT NULL DEFAULT now(),
            payload jsonb NOT NULL,
            CONSTRAINT pk_history PRIMARY KEY (occurred_at, event_id)
        ) PARTITION BY RANGE (occurred_at);
        CREATE INDEX ix_history_device ON history (tenant_id, device_id, occurred_at) WHERE device_id IS NOT NULL;
        CREATE INDEX ix_history_user ON history (tenant_id, user_id, occurred_at) WHERE user_id IS NOT NULL;

        CREATE TABLE device_state (
            tenant_id uuid NOT NULL, device_id uuid NOT NULL, device_name text, domain text, device_model text,
            rollout_id uuid, ring_index int, policy_assigned_at timestamptz, prereqs_passed_at timestamptz,
            key_registered_at timestamptz, key_in_ad_at timestamptz, last_failure text, updated_at timestamptz NOT NULL,
            PRIMARY KEY (tenant_id, device_id));

        CREATE TABLE key_state (
            tenant_id uuid NOT NULL, user_id uuid NOT NULL, device_id uuid NOT NULL, user_principal_name text,
            entra_key_id text, ad_key_id text, ad_object_dn text, state text NOT NULL, created_in_entra_at timestamptz,
            stuck_since timestamptz, hints text, synced_at timestamptz, latency_seconds double precision, orphan_reason text,
            updated_at timestamptz NOT NULL,
            PRIMARY KEY (tenant_id, user_id, device_id));
        CREATE INDEX ix_key_state_attention ON key_state (tenant_id, state) WHERE state IN ('stuck', 'orphaned');
        CREATE INDEX ix_key_state_upn ON key_state (tenant_id, lower(user_principal_name));

        CREATE TABLE ring_state (
            tenant_id uuid NOT NULL, rollout_id uuid NOT NULL, ring_index int NOT NULL, rollout_name text NOT NULL,
            status text NOT NULL, devices int NOT NULL, reason text, assigned_at timestamptz, updated_at timestamptz NOT NULL,
            PRIMARY KEY (tenant_id, rollout_id, ring_index));

        CREATE TABLE funnel_daily (
            tenant_id uuid NOT NULL, day date NOT NULL, rollout_id uuid NOT NULL, ring_index int NOT NULL,
            domain text NOT NULL, device_model text NOT NULL,
            assigned int NOT NULL, prereqs_passed int NOT NULL, key_registered int NOT NULL, key_in_ad int NOT NULL,
            PRIMARY KEY (tenant_id, day, rollout_id, ring_index, domain, device_model));
        CREATE TABLE latency_daily (
            tenant_id uuid NOT NULL, day date NOT NULL, minutes int NOT NULL, count int NOT NULL,
            PRIMARY KEY (tenant_id, day, minutes));
        CREATE TABLE access_daily (
            tenant_id uuid NOT NULL, day date NOT NULL, hours int NOT NULL, count int NOT NULL,
            PRIMARY KEY (tenant_id, day, hours));
        CREATE TABLE failure_daily (
            tenant_id uuid NOT NULL, day date NOT NULL, category text NOT NULL, reason text NOT NULL, meaning text,
            count int NOT NULL, examples uuid[] NOT NULL,
            PRIMARY KEY (tenant_id, day, category, reason));
        """;

    public const string Down = """
        DROP TABLE history; DROP TABLE device_state; DROP TABLE key_state; DROP TABLE ring_state;
        DROP TABLE funnel_daily; DROP TABLE latency_daily; DROP TABLE access_daily; DROP TABLE failure_daily;
        """;
}
