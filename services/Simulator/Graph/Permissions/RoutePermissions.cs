using static Whfb.Simulator.Graph.Permissions.ApplicationPermissions;

namespace Whfb.Simulator.Graph.Permissions;

/// <summary>
/// Which application permissions admit each emulated route, from the "Permissions" table of the route's page in the
/// Microsoft Graph API reference (least privileged first, then the higher ones Graph also accepts). Every route must
/// have an entry: a route added without one fails the emulator's start, so nothing is served unchecked.
/// </summary>
public static class RoutePermissions
{
    private const string Learn = "https://learn.microsoft.com/graph/api/";

    private static readonly (string Method, string Template, RoutePermission Permission)[] Table =
    [
        ("POST", "$batch", RoutePermission.Unchecked),
        ("GET", "users/delta", Dir([UserReadAll, DirectoryReadAll, DirectoryReadWriteAll, UserReadWriteAll], "user-delta")),
        ("GET", "users", Dir(ReadUsers, "user-list")),
        ("GET", "users/{id}", Dir(ReadUsers, "user-get")),
        ("GET", "users/{id}/registeredDevices", new RoutePermission([], DeniedStyle.NotSupportedForApps, Learn + "user-list-registereddevices")),
        ("GET", "users/{id}/authentication/windowsHelloForBusinessMethods",
            Dir([WindowsHelloReadAll, AuthMethodReadAll, AuthMethodReadWriteAll, WindowsHelloReadWriteAll], "windowshelloforbusinessauthenticationmethod-list")),
        ("GET", "users/{id}/authentication/windowsHelloForBusinessMethods/{methodId}",
            Dir([WindowsHelloReadAll, AuthMethodReadWriteAll, AuthMethodReadAll, WindowsHelloReadWriteAll], "windowshelloforbusinessauthenticationmethod-get")),
        ("DELETE", "users/{id}/authentication/windowsHelloForBusinessMethods/{methodId}",
            Dir([AuthMethodReadWriteAll, WindowsHelloReadWriteAll], "windowshelloforbusinessauthenticationmethod-delete")),
        ("GET", "reports/authenticationMethods/userRegistrationDetails",
            new RoutePermission([AuditLogReadAll, AuthMethodReadAll], DeniedStyle.Reports, Learn + "authenticationmethodsroot-list-userregistrationdetails")),
        ("GET", "reports/authenticationMethods/userRegistrationDetails/{id}",
            new RoutePermission([AuditLogReadAll, AuthMethodReadAll], DeniedStyle.Reports, Learn + "userregistrationdetails-get")),
        ("GET", "groups",
            Dir([GroupNestingSupport, DirectoryReadAll, DirectoryReadWriteAll, GroupReadAll, GroupReadWriteAll, GroupMemberReadAll], "group-list")),
        ("GET", "groups/{id}",
            Dir([GroupMemberReadAll, DirectoryReadAll, DirectoryReadWriteAll, GroupReadAll, GroupReadWriteAll], "group-get")),
        ("POST", "groups", Dir([GroupCreate, DirectoryReadWriteAll, GroupReadWriteAll], "group-post-groups")),
        ("GET", "groups/{id}/members",
            Dir([GroupMemberReadAll, DirectoryReadAll, GroupReadAll, GroupReadWriteAll, GroupMemberReadWriteAll], "group-list-members")),
        ("GET", "groups/{id}/transitiveMembers",
            Dir([GroupMemberReadBasicAll, DirectoryReadAll, GroupReadAll, GroupReadBasicAll, GroupReadWriteAll, GroupMemberReadAll, GroupMemberReadWriteAll],
                "group-list-transitivemembers")),
        ("POST", "groups/{id}/members/$ref", Dir([GroupMemberReadWriteAll, DirectoryReadWriteAll, GroupReadWriteAll], "group-post-members")),
        ("GET", "devices", Dir(ReadDevices, "device-list")),
        ("GET", "devices/{id}", Dir(ReadDevices, "device-get")),
        ("GET", "organization", Dir([OrganizationReadAll, DirectoryReadAll, OrganizationReadWriteAll, DirectoryReadWriteAll], "organization-list")),
        ("GET", "organization/{id}", Dir([OrganizationReadAll, DirectoryReadAll, OrganizationReadWriteAll, DirectoryReadWriteAll], "organization-get")),
        ("GET", "users/{id}/managedDevices", Intune([ManagedDevicesReadAll, ManagedDevicesReadWriteAll], "intune-devices-manageddevice-list")),
        ("GET", "deviceManagement/managedDevices", Intune([ManagedDevicesReadAll, ManagedDevicesReadWriteAll], "intune-devices-manageddevice-list")),
        ("GET", "deviceManagement/managedDevices/{id}", Intune([ManagedDevicesReadAll, ManagedDevicesReadWriteAll], "intune-devices-manageddevice-get")),
        ("GET", "deviceManagement/configurationSettings",
            Intune([ConfigurationReadAll, ConfigurationReadWriteAll], "intune-deviceconfigv2-devicemanagementconfigurationsettingdefinition-list")),
        ("GET", "deviceManagement/configurationSettings/{id}",
            Intune([ConfigurationReadAll, ConfigurationReadWriteAll], "intune-deviceconfigv2-devicemanagementconfigurationsettingdefinition-get")),
    ];

    /// <summary>
    /// Intune's configuration routes (settings catalog, device configurations, their assignments, settings, statuses and
    /// the setting definitions) read with DeviceManagementConfiguration.Read.All and write with ReadWrite.All
    /// (intune-deviceconfigv2-devicemanagementconfigurationpolicy-*, intune-deviceconfig-windows10customconfiguration-*).
    /// </summary>
    private static RoutePermission? Configuration(string method, string template) =>
        !template.StartsWith("deviceManagement/", StringComparison.OrdinalIgnoreCase) ? null
        : method == "GET" ? Intune([ConfigurationReadAll, ConfigurationReadWriteAll], "intune-deviceconfigv2-devicemanagementconfigurationpolicy-list")
        : Intune([ConfigurationReadWriteAll], "intune-deviceconfigv2-devicemanagementconfigurationpolicy-create");

    /// <summary>Every permission some route accepts: what an emulated app is granted when its configuration names none.</summary>
    public static IReadOnlySet<string> All { get; } = typeof(ApplicationPermissions).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static RoutePermission For(string method, string template) =>
        Table.FirstOrDefault(e => e.Method == method && string.Equals(e.Template, template, StringComparison.OrdinalIgnoreCase)).Permission
        ?? Configuration(method, template)
        ?? throw new InvalidOperationException($"The emulated route {method} {template} has no entry in {nameof(RoutePermissions)}: add the permissions its Microsoft Graph page names.");

    private static RoutePermission Dir(IReadOnlyList<string> anyOf, string page) => new(anyOf, DeniedStyle.Directory, Learn + page);

    private static RoutePermission Intune(IReadOnlyList<string> anyOf, string page) => new(anyOf, DeniedStyle.Intune, Learn + page);
}
