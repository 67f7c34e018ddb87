namespace Whfb.Cli.Doctor;

public enum CheckStatus
{
    Pass,
    Warn,
    Fail,

    /// <summary>Not run because a check it depends on failed (that one carries the failure).</summary>
    Skip,
}

/// <summary>
/// One line of <c>whfb doctor</c>: what was checked for whom, what was seen, and for a warning or failure the one thing
/// to do about it. Nothing in it may be a secret: details name settings, hosts, ids and permissions only.
/// </summary>
/// <param name="Id">Stable kebab-case name (<c>graph-token</c>, <c>permission:key-inventory</c>, <c>ldap-bind</c>).</param>
/// <param name="Subject">Whose: the app (<c>SyncTracker</c>, <c>Policy</c>, <c>SyncTracker+Policy</c>) or <c>directory</c>.</param>
public sealed record CheckResult(string Id, string Subject, CheckStatus Status, string Detail, string? Remedy = null)
{
    public static CheckResult Pass(string id, string subject, string detail) => new(id, subject, CheckStatus.Pass, detail);

    public static CheckResult Warn(string id, string subject, string detail, string remedy) => new(id, subject, CheckStatus.Warn, detail, remedy);

    public static CheckResult Fail(string id, string subject, string detail, string remedy) => new(id, subject, CheckStatus.Fail, detail, remedy);

    public static CheckResult Skip(string id, string subject, string because) => new(id, subject, CheckStatus.Skip, because);
}
