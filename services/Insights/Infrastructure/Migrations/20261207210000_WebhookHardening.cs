using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Whfb.Insights.Infrastructure.Migrations;

/// <summary>
/// The Data Protection key ring that encrypts webhook secrets, shared by every replica; and a lease on deliveries being
/// posted, which happens outside the claiming transaction now (a crash while posting retries after the lease).
/// </summary>
[DbContext(typeof(InsightsDbContext))]
[Migration("20261207210000_WebhookHardening")]
public sealed class WebhookHardening : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        CREATE TABLE data_protection_keys (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, friendly_name text, xml text NOT NULL);
        ALTER TABLE alert_deliveries ADD COLUMN leased_until timestamptz;
        """);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        ALTER TABLE alert_deliveries DROP COLUMN leased_until;
        DROP TABLE data_protection_keys;
        """);
}
