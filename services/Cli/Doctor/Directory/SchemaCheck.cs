using Whfb.Directory.Ldap.Inspection;

namespace Whfb.Cli.Doctor.Directory;

/// <summary>
/// Check 6: the Windows Server 2016 schema, in which msDS-KeyCredentialLink appeared (attributeSchema in the schema
/// naming context). Also reads the schema objects of every attribute SyncTracker reads, which the access check needs.
/// </summary>
internal static class SchemaCheck
{
    public const string KeyCredentialLink = "msDS-KeyCredentialLink";

    /// <summary>What SyncTracker reads of each user (besides its DN and UPN): keys, the incremental cursor, the anchors, AdminSDHolder.</summary>
    public static readonly string[] ScannedAttributes = [KeyCredentialLink, "uSNChanged", "objectGUID", "objectSid", "adminCount"];

    public static async Task<(IReadOnlyList<AttributeSchema> Attributes, CheckResult Result)> RunAsync(
        DirectoryInspector inspector, RootDse rootDse, CancellationToken ct)
    {
        if (rootDse.SchemaNamingContext is not { } schema)
        {
            return ([], CheckResult.Fail("schema", "directory", "rootDSE names no schemaNamingContext", "point SyncTracker:Directory:Url at a domain controller"));
        }

        var attributes = await inspector.ReadAttributeSchemaAsync(schema, ScannedAttributes, ct);
        var version = await inspector.ReadSchemaVersionAsync(schema, ct);
        var versionText = version is { } v ? $"schema objectVersion {v}{(v >= 87 ? " (Windows Server 2016 or later)" : "")}" : "schema version not readable";
        if (attributes.FirstOrDefault(a => a.Name.Equals(KeyCredentialLink, StringComparison.OrdinalIgnoreCase)) is not { } link)
        {
            return (attributes, CheckResult.Fail("schema", "directory", $"the schema has no {KeyCredentialLink} ({versionText})",
                "extend the forest schema to Windows Server 2016 or later (adprep /forestprep from a 2016+ DC): hybrid key trust stores keys there"));
        }

        return (attributes, CheckResult.Pass("schema", "directory",
            $"{KeyCredentialLink} is in the schema (schemaIDGUID {link.SchemaIdGuid}); {versionText}"));
    }
}
