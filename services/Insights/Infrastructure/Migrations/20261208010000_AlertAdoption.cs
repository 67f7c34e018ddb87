using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Whfb.Insights.Infrastructure.Migrations;

/// <summary>
/// Adoption: an alert with no cause of its own (a key stuck with pipeline hints only, or none) is <c>foldable</c>, and a
/// pipeline episode (stall or backlog) that opens later folds the tenant's open foldable alerts into it. The index finds them.
/// </summary>
[DbContext(typeof(InsightsDbContext))]
[Migration("20261208010000_AlertAdoption")]
public sealed class AlertAdoption : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        ALTER TABLE alerts ADD COLUMN foldable boolean NOT NULL DEFAULT false;
        CREATE INDEX ix_alerts_foldable_open ON alerts (tenant_id) WHERE foldable AND resolved_at IS NULL;
        """);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        DROP INDEX ix_alerts_foldable_open;
        ALTER TABLE alerts DROP COLUMN foldable;
        """);
}
