using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Whfb.SyncTracker.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class KeyTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ad_users",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    object_guid = table.Column<Guid>(type: "uuid", nullable: false),
                    distinguished_name = table.Column<string>(type: "text", nullable: true),
                    sid = table.Column<string>(type: "text", nullable: true),
                    user_principal_name = table.Column<string>(type: "text", nullable: true),
                    admin_sd_holder_protected = table.Column<bool>(type: "boolean", nullable: false),
                    attribute_unreadable = table.Column<bool>(type: "boolean", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ad_users", x => new { x.tenant_id, x.object_guid });
                });

            migrationBuilder.CreateTable(
                name: "entra_users",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_principal_name = table.Column<string>(type: "text", nullable: true),
                    on_premises_object_guid = table.Column<Guid>(type: "uuid", nullable: true),
                    on_premises_sid = table.Column<string>(type: "text", nullable: true),
                    described_by_graph = table.Column<bool>(type: "boolean", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entra_users", x => new { x.tenant_id, x.user_id });
                });

            migrationBuilder.CreateTable(
                name: "pipeline_states",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_key_synced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    stalled_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_recovered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_states", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "tracked_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    entra_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_principal_name = table.Column<string>(type: "text", nullable: true),
                    device_id = table.Column<Guid>(type: "uuid", nullable: true),
                    entra_key_id = table.Column<string>(type: "text", nullable: true),
                    device_key_id = table.Column<Guid>(type: "uuid", nullable: true),
                    expected_ad_key_id = table.Column<string>(type: "text", nullable: true),
                    created_in_entra_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    entra_removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ad_object_guid = table.Column<Guid>(type: "uuid", nullable: true),
                    ad_object_dn = table.Column<string>(type: "text", nullable: true),
                    ad_key_id = table.Column<string>(type: "text", nullable: true),
                    ad_created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    observed_in_ad_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    removed_from_ad_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    stuck_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hints = table.Column<int[]>(type: "integer[]", nullable: false),
                    unmatched_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    orphan_reason = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tracked_keys", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tracked_keys_tenant_id_entra_user_id",
                table: "tracked_keys",
                columns: new[] { "tenant_id", "entra_user_id" });

            migrationBuilder.CreateIndex(
                name: "IX_tracked_keys_tenant_id_observed_in_ad_at",
                table: "tracked_keys",
                columns: new[] { "tenant_id", "observed_in_ad_at" });

            migrationBuilder.CreateIndex(
                name: "IX_tracked_keys_tenant_id_state_id",
                table: "tracked_keys",
                columns: new[] { "tenant_id", "state", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ad_users");

            migrationBuilder.DropTable(
                name: "entra_users");

            migrationBuilder.DropTable(
                name: "pipeline_states");

            migrationBuilder.DropTable(
                name: "tracked_keys");
        }
    }
}
