using Whfb.Directory.Ldap;
using Whfb.Directory.Ldap.Inspection;
using Whfb.Testing.Directory;

namespace Whfb.Directory.Tests.Ldap.Inspection;

/// <summary>The inspector against the real Samba, as the Kerberos directory reader (the account SyncTracker runs as).</summary>
public class DirectoryInspectorTests(DirectoryOuFixture ou) : IClassFixture<DirectoryOuFixture>
{
    private const string ReaderDn = "CN=whfb-ldap,CN=Users,";

    [Fact]
    public async Task RootDse_gives_the_dcs_clock_naming_contexts_and_the_readers_token()
    {
        using var inspector = new DirectoryInspector(LocalDirectory.KerberosOptions());
        var before = DateTimeOffset.UtcNow;

        var rootDse = await inspector.ReadRootDseAsync();

        Assert.InRange(rootDse.CurrentTime!.Value, before.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(LocalDirectory.BaseDn, rootDse.DefaultNamingContext);
        Assert.StartsWith("CN=Schema,CN=Configuration,", rootDse.SchemaNamingContext, StringComparison.Ordinal);
        Assert.Contains(ReaderSid(), rootDse.TokenGroups);
        Assert.Contains("S-1-5-11", rootDse.TokenGroups);
    }

    [Fact]
    public async Task The_schema_has_msDS_KeyCredentialLink_with_its_guid_and_property_set()
    {
        using var inspector = new DirectoryInspector(LocalDirectory.KerberosOptions());
        var schemaNc = (await inspector.ReadRootDseAsync()).SchemaNamingContext!;

        var attributes = await inspector.ReadAttributeSchemaAsync(schemaNc, ["msDS-KeyCredentialLink", "uSNChanged", "noSuchAttributeAnywhere"]);

        var link = Assert.Single(attributes, a => a.Name == "msDS-KeyCredentialLink");
        Assert.Equal(DenyReadAcl.KeyCredentialLinkSchemaId, link.SchemaIdGuid);
        Assert.NotNull(link.PropertySetGuid);
        Assert.Equal(["msDS-KeyCredentialLink", "uSNChanged"], attributes.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.True(await inspector.ReadSchemaVersionAsync(schemaNc) >= 87);
    }

    [Fact]
    public async Task A_deny_read_ace_for_the_reader_hides_the_value_and_shows_in_the_dacl_it_reads()
    {
        var hidden = await ou.CreateUserAsync("insp-hidden");
        var open = await ou.CreateUserAsync("insp-open");
        await ou.AddEntraKeyAsync(hidden);
        await ou.AddEntraKeyAsync(open);
        DenyReadAcl.Apply(hidden.DistinguishedName, DenyReadAcl.SidOf(ReaderDn + LocalDirectory.BaseDn));
        using var inspector = new DirectoryInspector(LocalDirectory.KerberosOptions());
        var schema = await inspector.ReadAttributeSchemaAsync((await inspector.ReadRootDseAsync()).SchemaNamingContext!, ["msDS-KeyCredentialLink"]);
        var token = (await inspector.ReadRootDseAsync()).TokenGroups.ToHashSet();

        var sample = await inspector.SampleUsersAsync(ou.OuDn, "(objectClass=user)", 10, ["msDS-KeyCredentialLink", "uSNChanged"]);

        var hiddenSample = Assert.Single(sample, s => s.DistinguishedName == hidden.DistinguishedName);
        var openSample = Assert.Single(sample, s => s.DistinguishedName == open.DistinguishedName);
        Assert.DoesNotContain("msDS-KeyCredentialLink", hiddenSample.AttributesReturned);
        Assert.Contains("uSNChanged", hiddenSample.AttributesReturned);
        Assert.Contains("msDS-KeyCredentialLink", openSample.AttributesReturned);
        var verdict = ReadAccessEvaluator.Evaluate(hiddenSample.Dacl!, token, schema[0]);
        Assert.False(verdict.Readable);
        Assert.Equal((true, ReaderSid()), (verdict.DecidingEntry!.Deny, verdict.DecidingEntry.Sid));
        Assert.True(ReadAccessEvaluator.Evaluate(openSample.Dacl!, token, schema[0]).Readable);
        // The administrator still reads the hidden value: the key is there, the reader just cannot see it.
        Assert.Single(await ou.Keys.ReadValuesAsync(hidden.DistinguishedName));
    }

    [Theory]
    [InlineData("20261207214601.0Z", "2026-12-07T21:46:01Z")]
    [InlineData("20261207214601Z", "2026-12-07T21:46:01Z")]
    public void GeneralizedTime_is_read_as_utc(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), RootDse.ParseGeneralizedTime(text));

    private static string ReaderSid() => SecurityIdentifierFormatter.Format(DenyReadAcl.SidOf(ReaderDn + LocalDirectory.BaseDn))!;
}
