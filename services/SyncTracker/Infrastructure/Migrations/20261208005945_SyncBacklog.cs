using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Whfb.SyncTracker.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SyncBacklog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "backlog_since",
                table: "pipeline_states",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "backlog_since",
                table: "pipeline_states");
        }
    }
}
