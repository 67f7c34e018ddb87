namespace Whfb.Ingest.Tests.Hardening;

/// <summary>
/// Ingest for the security suites: one enrollment key sends every enrollment case of the corpus within a second, which
/// the per-key rate limit would answer 429 before the body is read; the limit has tests of its own.
/// </summary>
public sealed class CorpusHost : IngestHost
{
    protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>
    {
        ["Ingest:BurstPerKey"] = "100000",
        ["Ingest:RequestsPerSecondPerKey"] = "100000",
    };
}
