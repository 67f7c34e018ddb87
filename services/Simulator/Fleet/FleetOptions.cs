namespace Whfb.Simulator.Fleet;

/// <summary>Section <c>Simulator:Fleet</c>: which scenario to run and where devices report.</summary>
public sealed class FleetOptions
{
    public const string SectionName = "Simulator:Fleet";

    /// <summary>Scenario name (Scenarios/&lt;name&gt;.json) or path; empty = no fleet (Graph and Entra Connect only).</summary>
    public string? Scenario { get; set; }

    /// <summary>Assign the WHfB policy to the rings on the scenario's schedule (no Policy service driving).</summary>
    public bool AssignRings { get; set; }

    /// <summary>Ingest's base URL; empty = posts are counted only.</summary>
    public Uri? IngestUrl { get; set; }

    /// <summary>
    /// The tenant's collector (enrollment) key, from the environment, never logged: each device enrolls with it once
    /// and posts with the device key it gets, as the real collector does.
    /// </summary>
    public string? CollectorKey { get; set; }

    /// <summary>Base DN under which the scenario's OU of users is created when the scenario seeds AD.</summary>
    public string DirectoryBaseDn { get; set; } = "DC=whfb,DC=test";

    public TimeSpan StepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After building and seeding, wait for POST /admin/fleet/start (so the services are up before devices report).</summary>
    public bool WaitForStart { get; set; }

    /// <summary>LDAP connections used to seed AD users in parallel.</summary>
    public int SeedConnections { get; set; } = 8;
}
