using Whfb.Testing.Graph;

namespace Whfb.SyncTracker.Tests.Support;

/// <summary>
/// The emulator with a registration report taken anew at every request: for tests whose later full inventory must see
/// keys added meanwhile (on a real tenant, the report's next refresh).
/// </summary>
public sealed class LiveReportEmulator : GraphEmulator
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulator:Graph:RegistrationReportRefresh"] = "00:00:00",
    };
}
