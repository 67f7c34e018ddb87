namespace Whfb.Simulator.Hosting;

/// <summary>Section <c>Simulator</c>: where it listens and where it writes its certificate.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Plain http (admin routes, Graph to loopback clients); 0 picks a free port.</summary>
    public int HttpPort { get; set; } = 5105;

    /// <summary>https for the token endpoint and Graph; 0 picks a free port.</summary>
    public int HttpsPort { get; set; } = 5443;

    /// <summary>When set, the public certificate is written here as PEM at start.</summary>
    public string? CertificatePemPath { get; set; }
}
