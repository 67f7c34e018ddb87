using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Whfb.Insights.Infrastructure.Migrations;

/// <summary>Webhooks, alert episodes and deliveries (tables outside the EF model).</summary>
[DbContext(typeof(InsightsDbContext))]
[Migration("20261125123000_AlertDelivery")]
public sealed class AlertDelivery : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(AlertsSchemaSql.Up);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(AlertsSchemaSql.Down);
}
