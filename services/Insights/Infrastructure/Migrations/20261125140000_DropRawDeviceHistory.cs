using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Whfb.Insights.Infrastructure.Migrations;

/// <summary>
/// Drops the walking skeleton's raw <c>device_event_history</c>: every collector record also arrives as its typed
/// lifecycle event (same deterministic id) and is kept in the partitioned <c>history</c>, so the raw copy only doubled
/// the writes.
/// </summary>
[DbContext(typeof(InsightsDbContext))]
[Migration("20261125140000_DropRawDeviceHistory")]
public sealed class DropRawDeviceHistory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("device_event_history");

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        CREATE TABLE device_event_history (
            id uuid PRIMARY KEY, tenant_id uuid NOT NULL, device_id uuid NOT NULL, device_name text, user_principal_name text,
            channel text NOT NULL, windows_event_id integer NOT NULL, record_id bigint NOT NULL,
            time_created timestamptz NOT NULL, received_at timestamptz NOT NULL, level text NOT NULL, payload jsonb NOT NULL);
        CREATE INDEX "IX_device_event_history_tenant_id_device_id_time_created" ON device_event_history (tenant_id, device_id, time_created);
        """);
}
