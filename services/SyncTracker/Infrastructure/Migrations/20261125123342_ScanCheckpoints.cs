using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Whfb.SyncTracker.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ScanCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scan_checkpoints",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ds_service_name = table.Column<string>(type: "text", nullable: false),
                    invocation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    highest_committed_usn = table.Column<long>(type: "bigint", nullable: false),
                    scanned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scan_checkpoints", x => new { x.tenant_id, x.ds_service_name });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scan_checkpoints");
        }
    }
}
