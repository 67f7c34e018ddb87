using System.Net;
using Microsoft.Extensions.Options;

namespace Whfb.Simulator.Hosting;

/// <summary>Section <c>Simulator</c>: an IP address to listen on and ports Kestrel can take (0 picks a free one).</summary>
public sealed class SimulatorOptionsValidation : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.ListenAddress, out _))
        {
            failures.Add($"Simulator:ListenAddress must be an IP address (e.g. 127.0.0.1), not '{options.ListenAddress}'");
        }

        if (options.HttpPort is < 0 or > IPEndPoint.MaxPort)
        {
            failures.Add("Simulator:HttpPort must be 0 to 65535");
        }

        if (options.HttpsPort is < 0 or > IPEndPoint.MaxPort)
        {
            failures.Add("Simulator:HttpsPort must be 0 to 65535");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
