using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Whfb.Policy.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class KeySyncOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "key_sync_state_at",
                table: "device_outcomes",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "key_sync_state_at",
                table: "device_outcomes");
        }
    }
}
