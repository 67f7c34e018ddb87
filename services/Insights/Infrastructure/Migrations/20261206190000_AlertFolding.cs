using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Whfb.Insights.Infrastructure.Migrations;

/// <summary>
/// Folding: a key-stuck alert opened only because the sync pipeline is stalled points at that pipeline alert
/// (<c>folded_into</c>) and is not notified on its own. One index counts a parent's folded rows, the other finds the
/// folded rows still open (the delivery loop unfolds those still stuck after their parent resolved).
/// </summary>
[DbContext(typeof(InsightsDbContext))]
[Migration("20261206190000_AlertFolding")]
public sealed class AlertFolding : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        ALTER TABLE alerts ADD COLUMN folded_into uuid REFERENCES alerts (id);
        CREATE INDEX ix_alerts_folded_into ON alerts (folded_into) WHERE folded_into IS NOT NULL;
        CREATE INDEX ix_alerts_folded_open ON alerts (folded_into) WHERE folded_into IS NOT NULL AND resolved_at IS NULL;
        """);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        DROP INDEX ix_alerts_folded_open;
        DROP INDEX ix_alerts_folded_into;
        ALTER TABLE alerts DROP COLUMN folded_into;
        """);
}
