using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Whfb.Insights.Infrastructure.Migrations;

/// <summary>Partitioned lifecycle history, projections and daily rollups (tables outside the EF model).</summary>
[DbContext(typeof(InsightsDbContext))]
[Migration("20261125120000_LifecycleHistory")]
public sealed class LifecycleHistory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(HistorySchemaSql.Up);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(HistorySchemaSql.Down);
}
