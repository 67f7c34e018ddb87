namespace Whfb.Testing.Security.Corpus;

/// <summary>Every service's bad-input corpus, so that one test can see the whole count.</summary>
public static class BadInputCorpus
{
    public const int MinimumCases = 200;

    public static IReadOnlyDictionary<string, IReadOnlyList<BadInputCase>> ByService { get; } = new Dictionary<string, IReadOnlyList<BadInputCase>>
    {
        ["ingest"] = IngestCorpus.Cases,
        ["insights"] = InsightsCorpus.Cases,
        ["policy"] = PolicyCorpus.Cases,
        ["synctracker"] = SyncTrackerCorpus.Cases,
    };
}
