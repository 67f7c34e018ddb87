namespace Whfb.Simulator.Graph.Permissions;

/// <summary>The Microsoft Graph application permissions (app roles) the emulated routes check, by their real names.</summary>
public static class ApplicationPermissions
{
    public const string UserReadAll = "User.Read.All";
    public const string UserReadWriteAll = "User.ReadWrite.All";
    public const string DirectoryReadAll = "Directory.Read.All";
    public const string DirectoryReadWriteAll = "Directory.ReadWrite.All";
    public const string DeviceReadAll = "Device.Read.All";
    public const string DeviceReadWriteAll = "Device.ReadWrite.All";
    public const string GroupReadAll = "Group.Read.All";
    public const string GroupReadBasicAll = "Group.ReadBasic.All";
    public const string GroupReadWriteAll = "Group.ReadWrite.All";
    public const string GroupCreate = "Group.Create";
    public const string GroupNestingSupport = "Group-NestingSupport.ReadWrite.All";
    public const string GroupMemberReadAll = "GroupMember.Read.All";
    public const string GroupMemberReadBasicAll = "GroupMember.ReadBasic.All";
    public const string GroupMemberReadWriteAll = "GroupMember.ReadWrite.All";
    public const string AuditLogReadAll = "AuditLog.Read.All";
    public const string AuthMethodReadAll = "UserAuthenticationMethod.Read.All";
    public const string AuthMethodReadWriteAll = "UserAuthenticationMethod.ReadWrite.All";
    public const string WindowsHelloReadAll = "UserAuthMethod-WindowsHello.Read.All";
    public const string WindowsHelloReadWriteAll = "UserAuthMethod-WindowsHello.ReadWrite.All";
    public const string OrganizationReadAll = "Organization.Read.All";
    public const string OrganizationReadWriteAll = "Organization.ReadWrite.All";
    public const string ConfigurationReadAll = "DeviceManagementConfiguration.Read.All";
    public const string ConfigurationReadWriteAll = "DeviceManagementConfiguration.ReadWrite.All";
    public const string ManagedDevicesReadAll = "DeviceManagementManagedDevices.Read.All";
    public const string ManagedDevicesReadWriteAll = "DeviceManagementManagedDevices.ReadWrite.All";

    /// <summary>What reading a user's properties in a member list takes; without it a user member is id and type only.</summary>
    public static readonly string[] ReadUsers = [UserReadAll, UserReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll];

    /// <summary>What reading a device's properties in a member list takes; without it a device member is id and type only.</summary>
    public static readonly string[] ReadDevices = [DeviceReadAll, DeviceReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll];
}
