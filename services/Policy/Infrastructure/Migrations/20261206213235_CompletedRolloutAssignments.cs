using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Whfb.Policy.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CompletedRolloutAssignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "assignments_taken_over_by",
                table: "rollouts",
                type: "uuid",
                nullable: true);

            // Completed rollouts already followed by a started rollout of their Intune policy (the same name and mode
            // cannot have two unfinished rollouts, so creation order is start order): that one took the assignments.
            migrationBuilder.Sql("""
                UPDATE rollouts r SET assignments_taken_over_by = (
                    SELECT n.id FROM rollouts n
                    WHERE n.tenant_id = r.tenant_id AND n.intune_policy_id = r.intune_policy_id AND n.id <> r.id AND n.created_at > r.created_at
                    ORDER BY n.created_at LIMIT 1)
                WHERE r.state = 'Completed';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "assignments_taken_over_by",
                table: "rollouts");
        }
    }
}
