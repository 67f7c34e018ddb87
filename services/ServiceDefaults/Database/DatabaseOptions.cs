namespace Whfb.ServiceDefaults.Database;

/// <summary>Bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply EF Core migrations when the service starts (development, demo, tests). Production runs <c>migrate</c>.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
