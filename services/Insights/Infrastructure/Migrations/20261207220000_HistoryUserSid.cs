using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Whfb.Insights.Infrastructure.Migrations;

/// <summary>
/// Device events carry the user's SID in their header (the AD objectSid of a domain account): a user's timeline can be
/// asked by SID. The index covers the rows that hold one, in every monthly partition (present and created later).
/// </summary>
[DbContext(typeof(InsightsDbContext))]
[Migration("20261207220000_HistoryUserSid")]
public sealed class HistoryUserSid : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        CREATE INDEX ix_history_user_sid ON history (tenant_id, (payload #>> '{header,userSid}'), occurred_at)
            WHERE payload #>> '{header,userSid}' IS NOT NULL;
        """);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP INDEX ix_history_user_sid;");
}
