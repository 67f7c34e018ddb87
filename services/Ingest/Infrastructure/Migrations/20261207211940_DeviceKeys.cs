using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Whfb.Ingest.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DeviceKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "device_id",
                table: "collector_keys",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "enrolled_with",
                table: "collector_keys",
                type: "uuid",
                nullable: true);

            // Every key from before device keys is a fleet's shared key: it becomes that tenant's enrollment key.
            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "collector_keys",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Enrollment");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_used_at",
                table: "collector_keys",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_collector_keys_tenant_id_device_id",
                table: "collector_keys",
                columns: new[] { "tenant_id", "device_id" },
                unique: true,
                filter: "revoked_at IS NULL AND device_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_collector_keys_tenant_id_device_id",
                table: "collector_keys");

            migrationBuilder.DropColumn(
                name: "device_id",
                table: "collector_keys");

            migrationBuilder.DropColumn(
                name: "enrolled_with",
                table: "collector_keys");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "collector_keys");

            migrationBuilder.DropColumn(
                name: "last_used_at",
                table: "collector_keys");
        }
    }
}
