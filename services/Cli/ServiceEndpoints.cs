namespace Whfb.Cli;

/// <summary>Base URLs of the services; defaults match deploy/local, WHFB_&lt;SERVICE&gt;_URL overrides.</summary>
public static class ServiceEndpoints
{
    public static readonly IReadOnlyList<(string Name, Uri Url)> All =
    [
        ("ingest", Resolve("INGEST", 5101)),
        ("synctracker", Resolve("SYNCTRACKER", 5102)),
        ("policy", Resolve("POLICY", 5103)),
        ("insights", Resolve("INSIGHTS", 5104)),
    ];

    public static Uri Of(string name) => All.First(s => s.Name == name).Url;

    private static Uri Resolve(string service, int port) =>
        new(Environment.GetEnvironmentVariable($"WHFB_{service}_URL") is { Length: > 0 } url ? url : $"http://127.0.0.1:{port}");
}
