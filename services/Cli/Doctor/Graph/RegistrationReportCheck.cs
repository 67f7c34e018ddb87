using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Whfb.GraphClient.Access;

namespace Whfb.Cli.Doctor.Graph;

/// <summary>
/// Check 2: the registration report SyncTracker's full inventory starts from, asked once with SyncTracker's own filter.
/// Its v1.0 reference page documents only <c>$filter</c> (the beta page <c>$filter</c> and <c>$orderby</c>), no
/// <c>$top</c>, so the doctor sends none and reads the first page only. A 403 names the licence (Microsoft Entra ID P1/P2,
/// <c>Authentication_RequestFromNonPremiumTenantOrB2CTenant</c>) or the permission.
/// </summary>
internal static class RegistrationReportCheck
{
    public const string WhfbFilter = "methodsRegistered/any(m:m eq 'windowsHelloForBusiness')";

    public static async Task<CheckResult> RunAsync(string subject, GraphServiceClient client, CancellationToken ct)
    {
        const string call = "GET reports/authenticationMethods/userRegistrationDetails";
        var feature = GraphFeatures.RegistrationReport;
        try
        {
            var page = await client.Reports.AuthenticationMethods.UserRegistrationDetails.GetAsync(r => r.QueryParameters.Filter = WhfbFilter, ct);
            var count = page?.Value?.Count ?? 0;
            return CheckResult.Pass("licence", subject,
                $"the registration report answers ({count}{(page?.OdataNextLink is null ? "" : "+")} users with WHfB on its first page): the tenant has {feature.Licence}");
        }
        catch (ODataError error)
        {
            return GraphRefusal.From("licence", subject, feature, call, error);
        }
    }
}
