using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Whfb.SyncTracker.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AdLookups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ad_lookups",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entra_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    object_guid = table.Column<Guid>(type: "uuid", nullable: true),
                    sid = table.Column<string>(type: "text", nullable: true),
                    looked_up_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_absent = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ad_lookups", x => new { x.tenant_id, x.entra_user_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ad_lookups");
        }
    }
}
