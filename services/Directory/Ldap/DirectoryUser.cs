namespace Whfb.Directory.Ldap;

/// <summary>A user created by <see cref="DirectoryObjectWriter"/>, with the identifiers AD assigned.</summary>
public sealed record DirectoryUser(string DistinguishedName, Guid ObjectGuid, string? ObjectSid, string? UserPrincipalName);
