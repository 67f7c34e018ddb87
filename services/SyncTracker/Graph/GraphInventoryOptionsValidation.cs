using Microsoft.Extensions.Options;
using Whfb.GraphClient;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// With the inventory on, the <c>Graph</c> section must name a usable app and credential (read as Policy reads it), so
/// a certificate that cannot be loaded or a secret left in appsettings stops the service at start.
/// </summary>
public sealed class GraphInventoryOptionsValidation(IConfiguration configuration) : IValidateOptions<GraphInventoryOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphInventoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        GraphConnectionLoader.Load(configuration, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
