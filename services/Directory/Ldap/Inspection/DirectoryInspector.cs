using System.DirectoryServices.Protocols;

namespace Whfb.Directory.Ldap.Inspection;

/// <summary>
/// Looks at a directory the way a preflight needs to (<c>whfb doctor</c>): the DC's rootDSE, the schema, and a sample of
/// users with their DACLs, on one connection made exactly as the scanner makes it (same settings checks, TLS, Kerberos,
/// failover), so what it finds is what the scanner will meet. The connection opens with the first request.
/// </summary>
public sealed class DirectoryInspector : IDisposable
{
    private const string SecurityDescriptor = "nTSecurityDescriptor";
    private const int ConfidentialFlag = 0x80;
    private readonly LdapSession _session;

    public DirectoryInspector(LdapDirectoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _session = LdapSession.For(options);
    }

    /// <summary>The domain controller of the open connection; null before the first request and after a failure.</summary>
    public Uri? Server => _session.Server;

    /// <summary>Domain controllers skipped, unreachable, when the open connection was made (failover).</summary>
    public IReadOnlyList<ServerFailure> SkippedServers => _session.Skipped;

    /// <summary>Connects and binds if not yet done, then reads rootDSE.</summary>
    public async Task<RootDse> ReadRootDseAsync(CancellationToken cancellationToken = default) =>
        await BaseEntry.ReadAsync(_session, "", "(objectClass=*)", RootDse.Attributes, cancellationToken) is { } entry
            ? RootDse.From(entry)
            : throw new DirectoryAccessException("The DC returned no rootDSE");

    /// <summary>The schema's objectVersion (87: Windows Server 2016); null when not readable.</summary>
    public async Task<int?> ReadSchemaVersionAsync(string schemaNamingContext, CancellationToken cancellationToken = default) =>
        await BaseEntry.ReadAsync(_session, schemaNamingContext, "(objectClass=*)", ["objectVersion"], cancellationToken) is { } entry
            ? (int?)LdapAttributes.Long(entry, "objectVersion")
            : null;

    /// <summary>The attributeSchema objects of these attributes (by lDAPDisplayName); those the schema lacks are missing.</summary>
    public async Task<IReadOnlyList<AttributeSchema>> ReadAttributeSchemaAsync(
        string schemaNamingContext, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        var filter = $"(&(objectClass=attributeSchema)(|{string.Concat(names.Select(n => $"(lDAPDisplayName={n})"))}))";
        var response = await _session.SendAsync<SearchResponse>(
            new SearchRequest(schemaNamingContext, filter, SearchScope.OneLevel, "lDAPDisplayName", "schemaIDGUID", "attributeSecurityGUID", "searchFlags"),
            cancellationToken);
        return response.Entries.Cast<SearchResultEntry>()
            .Where(e => LdapAttributes.Guid(e, "schemaIDGUID") is not null)
            .Select(e => new AttributeSchema(
                LdapAttributes.String(e, "lDAPDisplayName") ?? "",
                LdapAttributes.Guid(e, "schemaIDGUID")!.Value,
                LdapAttributes.Guid(e, "attributeSecurityGUID"),
                ((LdapAttributes.Long(e, "searchFlags") ?? 0) & ConfidentialFlag) != 0))
            .ToArray();
    }

    /// <summary>
    /// Up to <paramref name="max"/> objects under <paramref name="baseDn"/> matching <paramref name="filter"/> (one page), with
    /// which of <paramref name="attributes"/> came back and the DACL (asked with the SD flags control, so an account that
    /// may read permissions but not the owner or SACL still gets it).
    /// </summary>
    public async Task<IReadOnlyList<SampledUser>> SampleUsersAsync(
        string baseDn, string filter, int max, IReadOnlyList<string> attributes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var search = new SearchRequest(baseDn, filter, SearchScope.Subtree, [.. attributes, LdapAttributes.ObjectSid, SecurityDescriptor]);
        search.Controls.Add(new SecurityDescriptorFlagControl(SecurityMasks.Dacl));
        search.Controls.Add(new PageResultRequestControl(max));
        var response = await _session.SendAsync<SearchResponse>(search, cancellationToken);
        return response.Entries.Cast<SearchResultEntry>().Select(e => Sample(e, attributes)).ToArray();
    }

    public void Dispose() => _session.Dispose();

    private static SampledUser Sample(SearchResultEntry entry, IReadOnlyList<string> asked)
    {
        var returned = entry.Attributes.AttributeNames.Cast<string>()
            .Where(name => asked.Contains(name, StringComparer.OrdinalIgnoreCase))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sid = LdapAttributes.Bytes(entry, LdapAttributes.ObjectSid);
        var descriptor = LdapAttributes.Bytes(entry, SecurityDescriptor);
        return new SampledUser(entry.DistinguishedName, sid is null ? null : SecurityIdentifierFormatter.Format(sid), returned, Dacl(descriptor));
    }

    private static DiscretionaryAcl? Dacl(byte[]? descriptor)
    {
        try
        {
            return descriptor is null ? null : DaclReader.Read(descriptor);
        }
        catch (FormatException)
        {
            // Unreadable is reported like unreadable-by-rights: the preflight says it cannot tell.
            return null;
        }
    }
}
