using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Whfb.Insights.Infrastructure.Migrations;

/// <summary>
/// Events the history refused (outside its window, or data PostgreSQL cannot store), with the reason, so that one bad
/// event neither fails the batch of other messages it was written with nor is lost without a trace.
/// </summary>
[DbContext(typeof(InsightsDbContext))]
[Migration("20261207200000_HistoryRejected")]
public sealed class HistoryRejected : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        CREATE TABLE history_rejected (
            event_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, kind text NOT NULL, occurred_at timestamptz NOT NULL,
            reason text NOT NULL, payload text NOT NULL, rejected_at timestamptz NOT NULL);
        CREATE INDEX ix_history_rejected_tenant ON history_rejected (tenant_id, rejected_at DESC);
        """);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP TABLE history_rejected;");
}
