using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Whfb.GraphClient.Access;

namespace Whfb.Cli.Doctor.Graph;

/// <summary>
/// Check 3: Intune answers the app, and its settings catalog (beta <c>deviceManagement/configurationSettings</c>) has the
/// PassportForWork definitions Policy's settings-catalog policy names, with the literal <c>{tenantid}</c> in their ids as
/// the catalog has them.
/// </summary>
internal static class IntuneCatalogCheck
{
    private static readonly string[] Definitions = [.. new[] { "device", "user" }.SelectMany(scope => new[]
    {
        $"{scope}_vendor_msft_passportforwork_{{tenantid}}",
        $"{scope}_vendor_msft_passportforwork_{{tenantid}}_policies_usepassportforwork",
        $"{scope}_vendor_msft_passportforwork_{{tenantid}}_policies_requiresecuritydevice",
    })];

    private static readonly Dictionary<string, ParsableFactory<IParsable>> Errors = new() { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

    public static async Task<CheckResult> RunAsync(string subject, GraphServiceClient client, Uri baseUrl, CancellationToken ct)
    {
        var path = baseUrl.AbsolutePath.TrimEnd('/');
        var beta = new UriBuilder(baseUrl) { Path = path[..(path.LastIndexOf('/') + 1)] + "beta/deviceManagement/configurationSettings/" }.Uri;
        var missing = new List<string>();
        foreach (var definition in Definitions)
        {
            var call = $"GET beta/deviceManagement/configurationSettings/{definition}";
            try
            {
                var request = new RequestInformation { HttpMethod = Method.GET, URI = new Uri(beta, Uri.EscapeDataString(definition)) };
                request.Headers.Add("Accept", "application/json");
                await using var _ = await client.RequestAdapter.SendPrimitiveAsync<Stream>(request, Errors, ct);
            }
            catch (ODataError error) when (error.ResponseStatusCode == 404)
            {
                missing.Add(definition);
            }
            catch (ODataError error)
            {
                return GraphRefusal.From("intune", subject, GraphFeatures.IntunePolicy, call, error);
            }
        }

        return missing.Count == 0
            ? CheckResult.Pass("intune", subject, $"Intune answers; the settings catalog has the {Definitions.Length} PassportForWork definitions Policy uses")
            : CheckResult.Fail("intune", subject, $"the settings catalog lacks {string.Join(", ", missing)}",
                "use the customOmaUri mode of the rollout plan, or check that the tenant has Microsoft Intune and its Windows settings catalog");
    }
}
