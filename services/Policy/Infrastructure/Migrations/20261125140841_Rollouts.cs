using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Whfb.Policy.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Rollouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rollout_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    detail = table.Column<string>(type: "text", nullable: true),
                    request_body = table.Column<string>(type: "text", nullable: true),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    response_body = table.Column<string>(type: "text", nullable: true),
                    duration_ms = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "device_outcomes",
                columns: table => new
                {
                    rollout_id = table.Column<Guid>(type: "uuid", nullable: false),
                    device_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ring_index = table.Column<int>(type: "integer", nullable: false),
                    device_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    upn = table.Column<string>(type: "text", nullable: true),
                    prerequisites_passed = table.Column<bool>(type: "boolean", nullable: true),
                    readiness_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    provisioned = table.Column<bool>(type: "boolean", nullable: false),
                    provisioning_failed = table.Column<bool>(type: "boolean", nullable: false),
                    key_synced = table.Column<bool>(type: "boolean", nullable: false),
                    key_stuck = table.Column<bool>(type: "boolean", nullable: false),
                    gpo_values = table.Column<string>(type: "jsonb", nullable: true),
                    policy_state_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_outcomes", x => new { x.rollout_id, x.device_id });
                });

            migrationBuilder.CreateTable(
                name: "rollouts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    mode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    use_passport_for_work = table.Column<bool>(type: "boolean", nullable: false),
                    require_security_device = table.Column<bool>(type: "boolean", nullable: false),
                    scope = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    state = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    current_ring = table.Column<int>(type: "integer", nullable: false),
                    intune_policy_id = table.Column<string>(type: "text", nullable: true),
                    halt_reason = table.Column<string>(type: "text", nullable: true),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollouts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rollout_rings",
                columns: table => new
                {
                    rollout_id = table.Column<Guid>(type: "uuid", nullable: false),
                    index = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gate = table.Column<string>(type: "jsonb", nullable: false),
                    state = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    member_user_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    member_upns = table.Column<List<string>>(type: "text[]", nullable: false),
                    final_verdict = table.Column<string>(type: "jsonb", nullable: true),
                    override_justification = table.Column<string>(type: "text", nullable: true),
                    overridden_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollout_rings", x => new { x.rollout_id, x.index });
                    table.ForeignKey(
                        name: "FK_rollout_rings_rollouts_rollout_id",
                        column: x => x.rollout_id,
                        principalTable: "rollouts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_tenant_id_rollout_id_id",
                table: "audit_entries",
                columns: new[] { "tenant_id", "rollout_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_device_outcomes_rollout_id_ring_index",
                table: "device_outcomes",
                columns: new[] { "rollout_id", "ring_index" });

            migrationBuilder.CreateIndex(
                name: "IX_device_outcomes_tenant_id_device_id",
                table: "device_outcomes",
                columns: new[] { "tenant_id", "device_id" });

            migrationBuilder.CreateIndex(
                name: "IX_device_outcomes_tenant_id_upn",
                table: "device_outcomes",
                columns: new[] { "tenant_id", "upn" });

            migrationBuilder.CreateIndex(
                name: "IX_device_outcomes_tenant_id_user_id",
                table: "device_outcomes",
                columns: new[] { "tenant_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "IX_rollouts_state",
                table: "rollouts",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "IX_rollouts_tenant_id_created_at",
                table: "rollouts",
                columns: new[] { "tenant_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "device_outcomes");

            migrationBuilder.DropTable(
                name: "rollout_rings");

            migrationBuilder.DropTable(
                name: "rollouts");
        }
    }
}
