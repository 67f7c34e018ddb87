namespace Whfb.Testing.Security.Corpus;

/// <summary>
/// Bad input for SyncTracker's queries: the key listing's state and paging (a page size out of range is clamped, not
/// refused). Credential: "operator".
/// </summary>
public static class SyncTrackerCorpus
{
    private static readonly (string Query, string Field)[] BadQueries =
    [
        ("state=bogus", "state"), ("state=Stuck%00", "state"), ("state=Stuck,Synced", "state"), ("state=99", "state"), ("state=-1", "state"),
        ("state=Stuck;Synced", "state"), ("page=0", "page"), ("page=-1", "page"), ("page=abc", "page"), ("page=1.5", "page"), ("page=2147483648", "page"),
        ("page=1000001", "page"), ("pageSize=abc", "pageSize"), ("pageSize=ten", "pageSize"), ("pageSize=2147483648", "pageSize"),
        ("pageSize=1e3", "pageSize"), ("state=Stuck&page=x", "page"), ("page=1&pageSize=%00", "pageSize"),
    ];

    public static IReadOnlyList<BadInputCase> Cases { get; } =
        [.. BadQueries.Select(q => new BadInputCase("operator", "GET", $"/v1/keys?{q.Query}", null, null, 400, q.Field))];
}
