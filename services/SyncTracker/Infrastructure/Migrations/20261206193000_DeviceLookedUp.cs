using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Whfb.SyncTracker.Infrastructure.Migrations;

/// <summary>
/// <c>tracked_keys.device_looked_up</c>: Graph's single GET with $expand=device answered for the key (with its device or
/// without one), so it is not asked again, also after a restart. Keys already holding a device need no flag: a known
/// device is never asked for.
/// </summary>
[DbContext(typeof(SyncTrackerDbContext))]
[Migration("20261206193000_DeviceLookedUp")]
public sealed class DeviceLookedUp : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE tracked_keys ADD COLUMN device_looked_up boolean NOT NULL DEFAULT false;");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE tracked_keys DROP COLUMN device_looked_up;");
}
