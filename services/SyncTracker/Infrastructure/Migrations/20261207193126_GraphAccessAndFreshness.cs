using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Whfb.SyncTracker.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class GraphAccessAndFreshness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "on_premises_last_sync_at",
                table: "pipeline_states",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "on_premises_sync_enabled",
                table: "pipeline_states",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "on_premises_sync_read_at",
                table: "pipeline_states",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "users_listed_at",
                table: "pipeline_states",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "keys_listed_at",
                table: "entra_users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "graph_access_denials",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    feature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    code = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    message = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graph_access_denials", x => new { x.tenant_id, x.feature });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "graph_access_denials");

            migrationBuilder.DropColumn(
                name: "on_premises_last_sync_at",
                table: "pipeline_states");

            migrationBuilder.DropColumn(
                name: "on_premises_sync_enabled",
                table: "pipeline_states");

            migrationBuilder.DropColumn(
                name: "on_premises_sync_read_at",
                table: "pipeline_states");

            migrationBuilder.DropColumn(
                name: "users_listed_at",
                table: "pipeline_states");

            migrationBuilder.DropColumn(
                name: "keys_listed_at",
                table: "entra_users");
        }
    }
}
