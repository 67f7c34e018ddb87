namespace Whfb.Directory.Ldap.Inspection;

/// <summary>
/// A user as the bind account sees it: which of the requested attributes came back (an unreadable attribute is left
/// out, like an empty one) and its DACL when the account may read it (null otherwise).
/// </summary>
public sealed record SampledUser(string DistinguishedName, string? ObjectSid, IReadOnlySet<string> AttributesReturned, DiscretionaryAcl? Dacl);
