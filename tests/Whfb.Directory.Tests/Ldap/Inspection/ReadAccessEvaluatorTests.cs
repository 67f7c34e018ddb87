using Whfb.Directory.Ldap.Inspection;

namespace Whfb.Directory.Tests.Ldap.Inspection;

/// <summary>The access check for reading one attribute, on DACLs written ACE by ACE.</summary>
public class ReadAccessEvaluatorTests
{
    private const string Reader = "S-1-5-21-1-2-3-1105";
    private const string AuthenticatedUsers = "S-1-5-11";
    private static readonly Guid PropertySet = Guid.Parse("9b026da6-0d3c-465c-8bee-5199d7165cba");
    private static readonly AttributeSchema KeyLink = new("msDS-KeyCredentialLink", Guid.Parse("5b47d60f-6090-40b2-9f37-2a4de88f3063"), PropertySet, false);
    private static readonly IReadOnlySet<string> Token = new HashSet<string> { Reader, AuthenticatedUsers, "S-1-1-0" };

    [Fact]
    public void An_allow_on_all_properties_grants_the_read() =>
        Assert.True(Evaluate(Allow(AuthenticatedUsers, null)).Readable);

    [Fact]
    public void No_ace_for_the_token_grants_nothing()
    {
        var verdict = Evaluate(Allow("S-1-5-21-1-2-3-512", null));

        Assert.False(verdict.Readable);
        Assert.Null(verdict.DecidingEntry);
    }

    [Theory]
    [InlineData("5b47d60f-6090-40b2-9f37-2a4de88f3063")]
    [InlineData("9b026da6-0d3c-465c-8bee-5199d7165cba")]
    [InlineData(null)]
    public void A_deny_on_the_attribute_its_property_set_or_all_properties_comes_before_the_allow(string? objectType)
    {
        var deny = Deny(Reader, objectType is null ? null : Guid.Parse(objectType));

        var verdict = Evaluate(deny, Allow(AuthenticatedUsers, null));

        Assert.False(verdict.Readable);
        Assert.Same(deny, verdict.DecidingEntry);
    }

    [Fact]
    public void A_deny_on_another_attribute_or_for_another_account_changes_nothing() =>
        Assert.True(Evaluate(Deny(Reader, Guid.NewGuid()), Deny("S-1-5-21-9-9-9-1000", null), Allow(AuthenticatedUsers, null)).Readable);

    [Fact]
    public void An_allow_before_a_deny_wins_as_in_the_access_check() =>
        Assert.True(Evaluate(Allow(Reader, KeyLink.SchemaIdGuid), Deny(Reader, null)).Readable);

    [Fact]
    public void Inherit_only_aces_do_not_apply_to_the_object_itself() =>
        Assert.True(Evaluate(Deny(Reader, null) with { InheritOnly = true }, Allow(AuthenticatedUsers, null)).Readable);

    [Fact]
    public void A_deny_without_read_property_does_not_hide_the_attribute() =>
        Assert.True(Evaluate(Deny(Reader, null) with { Mask = 0x20 }, Allow(AuthenticatedUsers, null)).Readable);

    [Fact]
    public void A_confidential_attribute_also_needs_control_access()
    {
        var confidential = KeyLink with { Confidential = true };
        var dacl = new DiscretionaryAcl(true, [Allow(AuthenticatedUsers, null)]);
        var withRight = new DiscretionaryAcl(true, [Allow(AuthenticatedUsers, null), Allow(Reader, KeyLink.SchemaIdGuid) with { Mask = AccessControlEntry.ControlAccess }]);

        Assert.Equal((false, AccessControlEntry.ControlAccess), (ReadAccessEvaluator.Evaluate(dacl, Token, confidential).Readable, ReadAccessEvaluator.Evaluate(dacl, Token, confidential).Right));
        Assert.True(ReadAccessEvaluator.Evaluate(withRight, Token, confidential).Readable);
    }

    [Fact]
    public void A_null_dacl_grants_everything() =>
        Assert.True(ReadAccessEvaluator.Evaluate(new DiscretionaryAcl(false, []), Token, KeyLink).Readable);

    private static ReadAccessVerdict Evaluate(params AccessControlEntry[] entries) =>
        ReadAccessEvaluator.Evaluate(new DiscretionaryAcl(true, entries), Token, KeyLink);

    private static AccessControlEntry Allow(string sid, Guid? objectType) => new(false, sid, AccessControlEntry.ReadProperty | 0x4, objectType, false, false);

    private static AccessControlEntry Deny(string sid, Guid? objectType) => new(true, sid, AccessControlEntry.ReadProperty, objectType, false, false);
}
