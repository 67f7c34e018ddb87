namespace Whfb.GraphClient.Access;

/// <summary>
/// Every Graph feature of the platform with the application permissions that admit it, from the "Permissions" table of
/// each API's Microsoft Graph reference page. The README's permission table and <c>whfb doctor</c> come from this list.
/// </summary>
public static class GraphFeatures
{
    public const string SyncTracker = "SyncTracker";
    public const string Policy = "Policy";

    /// <summary>users/delta (user-delta): user anchors (onPremisesImmutableId, onPremisesSecurityIdentifier).</summary>
    public static readonly GraphFeature UserAnchors = new(SyncTracker, "user-anchors",
        "match Entra users to AD users", ["User.Read.All", "Directory.Read.All", "User.ReadWrite.All", "Directory.ReadWrite.All"]);

    /// <summary>reports/authenticationMethods/userRegistrationDetails: which users registered WHfB, tenant-wide.</summary>
    public static readonly GraphFeature RegistrationReport = new(SyncTracker, "registration-report",
        "find users with WHfB keys in one report", ["AuditLog.Read.All", "UserAuthenticationMethod.Read.All"], "Microsoft Entra ID P1 or P2");

    /// <summary>users/{id}/authentication/windowsHelloForBusinessMethods (list and get with $expand=device).</summary>
    public static readonly GraphFeature KeyInventory = new(SyncTracker, "key-inventory",
        "list each user's WHfB keys in Entra ID",
        ["UserAuthMethod-WindowsHello.Read.All", "UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All", "UserAuthMethod-WindowsHello.ReadWrite.All"]);

    /// <summary>organization (organization-get): onPremisesLastSyncDateTime, a second stall signal.</summary>
    public static readonly GraphFeature SyncStatus = new(SyncTracker, "sync-status",
        "read when Entra Connect last synced", ["Organization.Read.All", "Directory.Read.All", "Organization.ReadWrite.All", "Directory.ReadWrite.All"]);

    /// <summary>Intune settings catalog / device configurations, their assignments and statuses.</summary>
    public static readonly GraphFeature IntunePolicy = new(Policy, "intune-policy",
        "create, assign and repair the WHfB Intune policy", ["DeviceManagementConfiguration.ReadWrite.All"], "Microsoft Intune");

    /// <summary>groups/{id}/transitiveMembers: a ring's members (users and devices).</summary>
    public static readonly GraphFeature RingMembers = new(Policy, "ring-members",
        "list the members of each ring group", ["GroupMember.Read.All", "Group.Read.All", "Directory.Read.All", "GroupMember.ReadWrite.All", "Group.ReadWrite.All"]);

    /// <summary>Reading the properties of user members (without it Graph returns them as id only, no error).</summary>
    public static readonly GraphFeature RingUsers = new(Policy, "ring-users",
        "read the users in ring groups", ["User.Read.All", "Directory.Read.All", "User.ReadWrite.All", "Directory.ReadWrite.All"]);

    /// <summary>Reading the properties of device members (without it Graph returns them as id only, no error).</summary>
    public static readonly GraphFeature RingDevices = new(Policy, "ring-devices",
        "read the devices in ring groups", ["Device.Read.All", "Directory.Read.All", "Device.ReadWrite.All", "Directory.ReadWrite.All"]);

    /// <summary>users/{id}/managedDevices, deviceManagement/managedDevices: a hybrid PC's primary user in Intune.</summary>
    public static readonly GraphFeature ManagedDevices = new(Policy, "managed-devices",
        "find the Intune-managed PCs of ring users", ["DeviceManagementManagedDevices.Read.All", "DeviceManagementManagedDevices.ReadWrite.All"], "Microsoft Intune");

    public static IReadOnlyList<GraphFeature> All { get; } =
        [UserAnchors, RegistrationReport, KeyInventory, SyncStatus, IntunePolicy, RingMembers, RingUsers, RingDevices, ManagedDevices];

    public static IEnumerable<GraphFeature> Of(string service) => All.Where(f => f.Service == service);
}
