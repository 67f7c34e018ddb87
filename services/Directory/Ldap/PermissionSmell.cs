namespace Whfb.Directory.Ldap;

/// <summary>
/// A user the caller knows to have keys came back with no readable msDS-KeyCredentialLink value: either
/// the key never reached AD, or the bind account may not read the attribute.
/// </summary>
public sealed record PermissionSmell(Guid ObjectGuid, string? DistinguishedName, string Reason);
