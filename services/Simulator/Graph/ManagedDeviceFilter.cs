using System.Text.RegularExpressions;
using Whfb.Simulator.Graph.Routing;

namespace Whfb.Simulator.Graph;

/// <summary>
/// What $filter Intune takes on managedDevices: only properties whose description says they support $filter, with
/// <c>eq</c>, and several of them joined with <c>and</c>, never <c>or</c> (the managedDevice entity's own words in
/// Microsoft Graph's metadata). Anything else is a 400, so a client that filters one user per request with <c>or</c>
/// learns it here rather than in a real tenant.
/// </summary>
public static partial class ManagedDeviceFilter
{
    private static readonly HashSet<string> Filterable = new(StringComparer.OrdinalIgnoreCase)
    {
        "azureADDeviceId", "userPrincipalName", "deviceName", "operatingSystem", "managementAgent", "complianceState",
        "serialNumber", "manufacturer", "model",
    };

    /// <summary>Null when Intune takes the filter, otherwise the reason it refuses it.</summary>
    public static string? Problem(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        if (Or().IsMatch(filter))
        {
            return "Filters on managed devices must combine properties with 'and', not 'or'.";
        }

        foreach (var clause in And().Split(filter.Trim()))
        {
            if (Clause().Match(clause) is not { Success: true } match || !Filterable.Contains(match.Groups["name"].Value))
            {
                return $"The filter clause '{clause}' is not supported: only 'eq' on a property that supports $filter "
                    + $"({string.Join(", ", Filterable.Order(StringComparer.Ordinal))}).";
            }
        }

        return null;
    }

    public static void Check(GraphRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Problem(request.QueryValue("$filter")) is { } problem)
        {
            throw new GraphQueryException(problem);
        }
    }

    [GeneratedRegex(@"\s+or\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Or();

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex And();

    [GeneratedRegex(@"^(?<name>[A-Za-z]\w*)\s+eq\s+'(?:[^']|'')*'$")]
    private static partial Regex Clause();
}
