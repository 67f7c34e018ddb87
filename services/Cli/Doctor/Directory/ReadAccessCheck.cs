using Whfb.Directory.Ldap;
using Whfb.Directory.Ldap.Inspection;

namespace Whfb.Cli.Doctor.Directory;

/// <summary>
/// Check 7: can the bind account read what SyncTracker reads (<see cref="SchemaCheck.ScannedAttributes"/>) on the users of
/// the scanned OUs? An attribute it may not read is simply left out of LDAP answers, which looks exactly like a user
/// without a value, so a missing msDS-KeyCredentialLink proves nothing. The check therefore reads a sample of users per
/// base DN (the first <c>--sample</c> users, plus AdminSDHolder-protected ones, whose permissions differ) with their DACL
/// and runs the directory's access check for the bind account's token (rootDSE tokenGroups); an attribute that every
/// user has (uSNChanged, objectGUID, objectSid) and that still did not come back is unreadable whatever the DACL says.
/// </summary>
internal static class ReadAccessCheck
{
    private const string Users = "(&(objectCategory=person)(objectClass=user))";
    private const string ProtectedUsers = "(&(objectCategory=person)(objectClass=user)(adminCount=1))";
    private const int ProtectedSample = 10;
    private static readonly string[] AlwaysPresent = ["uSNChanged", "objectGUID", "objectSid"];

    public static async Task<CheckResult> RunAsync(
        DirectoryInspector inspector, LdapDirectoryOptions options, RootDse rootDse, IReadOnlyList<AttributeSchema> schema, int sample, CancellationToken ct)
    {
        const string id = "read-access";
        var token = rootDse.TokenGroups.Concat(["S-1-1-0", "S-1-5-11"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var users = new List<SampledUser>();
        foreach (var baseDn in options.BaseDns)
        {
            try
            {
                var sampled = await inspector.SampleUsersAsync(baseDn, Users, sample, SchemaCheck.ScannedAttributes, ct);
                var protectedUsers = await inspector.SampleUsersAsync(baseDn, ProtectedUsers, ProtectedSample, SchemaCheck.ScannedAttributes, ct);
                users.AddRange(sampled.Concat(protectedUsers).DistinctBy(u => u.DistinguishedName, StringComparer.OrdinalIgnoreCase));
            }
            catch (DirectoryAccessException e) when (e is not DirectoryUnavailableException)
            {
                return CheckResult.Fail(id, "directory", $"users under {baseDn} could not be listed: {e.Message}", "check SyncTracker:Directory:BaseDns: each must be an existing OU or the domain root");
            }
        }

        if (users.Count == 0)
        {
            return CheckResult.Warn(id, "directory", $"no user found under {string.Join("; ", options.BaseDns)}", "check SyncTracker:Directory:BaseDns: they should hold the synced users");
        }

        var findings = users.SelectMany(u => schema.Select(a => Judge(u, a, token))).OfType<Finding>().ToList();
        var denied = findings.Where(f => f.Denied).ToList();
        var scope = $"{users.Count} sampled user{(users.Count == 1 ? "" : "s")} under {string.Join("; ", options.BaseDns)}";
        if (denied.Count > 0)
        {
            var shown = string.Join("; ", denied.Take(3).Select(f => f.Text)) + (denied.Count > 3 ? $"; and {denied.Count - 3} more" : "");
            return CheckResult.Fail(id, "directory", $"{scope}: the bind account cannot read {shown}",
                $"grant the bind account Read on {string.Join(", ", denied.Select(f => f.Attribute).Distinct())} for descendant user objects of the scanned OUs, and remove deny ACEs that hide them");
        }

        var unknown = findings.Where(f => !f.Denied).Select(f => f.Text).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        return unknown > 0
            ? CheckResult.Warn(id, "directory", $"{scope}: the permissions of {unknown} users could not be read, so a deny ACE there would go unseen",
                "grant the bind account Read permissions (READ_CONTROL) on the users, or check their ACLs by hand")
            : CheckResult.Pass(id, "directory", $"{scope}: the bind account may read {string.Join(", ", schema.Select(a => a.Name))} on all of them");
    }

    /// <summary>Null when the attribute is readable on this user; else why not (or that its DACL could not be read).</summary>
    private static Finding? Judge(SampledUser user, AttributeSchema attribute, HashSet<string> token)
    {
        var returned = user.AttributesReturned.Contains(attribute.Name);
        if (!returned && AlwaysPresent.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase))
        {
            return new Finding(true, attribute.Name, $"{attribute.Name} of {user.DistinguishedName} (every user has one; it did not come back)");
        }

        if (returned)
        {
            return null;
        }

        if (user.Dacl is null)
        {
            return new Finding(false, attribute.Name, user.DistinguishedName);
        }

        var self = user.ObjectSid is { } sid && token.Contains(sid) ? token.Append("S-1-5-10").ToHashSet() : token;
        var verdict = ReadAccessEvaluator.Evaluate(user.Dacl, self, attribute);
        return verdict.Readable ? null : new Finding(true, attribute.Name, $"{attribute.Name} of {user.DistinguishedName} ({Because(verdict)})");
    }

    private static string Because(ReadAccessVerdict verdict) => verdict.DecidingEntry is { } ace
        ? $"{(ace.Inherited ? "an inherited" : "an explicit")} ACE denies {(verdict.Right == AccessControlEntry.ControlAccess ? "control access" : "read property")} to {ace.Sid}"
        : "no ACE grants the account read property";

    private sealed record Finding(bool Denied, string Attribute, string Text);
}
