namespace Whfb.Directory.Ldap.Inspection;

/// <summary>
/// An attribute's attributeSchema object: its <see cref="SchemaIdGuid"/> (what object ACEs name), the property set it
/// belongs to (attributeSecurityGUID), and whether it is confidential (searchFlags 0x80: reading it also needs the
/// control-access right).
/// </summary>
public sealed record AttributeSchema(string Name, Guid SchemaIdGuid, Guid? PropertySetGuid, bool Confidential);
