namespace Whfb.Directory.Ldap;

/// <summary>
/// A user the caller knows to have keys came back with no readable msDS-KeyCredentialLink value: either
/// the key never reached AD, or the bind account may not read the attribute. <see cref="AdminCount"/> is the user's
/// adminCount as read with it (1: AdminSDHolder-protected, so Entra Connect cannot write the key either).
/// </summary>
public sealed record PermissionSmell(Guid ObjectGuid, string? DistinguishedName, string Reason, int? AdminCount = null);
