using Microsoft.Graph.Models.ODataErrors;
using Whfb.GraphClient.Access;

namespace Whfb.Cli.Doctor.Graph;

/// <summary>Turns Graph's error answer to a doctor's call into a verdict: a licence, a permission, throttling or anything else.</summary>
internal static class GraphRefusal
{
    public static CheckResult From(string id, string subject, GraphFeature feature, string call, ODataError error)
    {
        var said = $"{error.ResponseStatusCode} {error.Error?.Code}: {error.Error?.Message}";
        return GraphDenial.From(error) switch
        {
            { Kind: DenialKind.Licence } => CheckResult.Fail(id, subject, $"{call}: the tenant lacks {feature.Licence} (Graph said {said})",
                $"assign {feature.Licence} licences in the tenant (until then {feature.Service} cannot {feature.Purpose})"),
            { Kind: DenialKind.Permission } => CheckResult.Fail(id, subject, $"{call}: refused for a missing permission (Graph said {said})",
                $"grant the {subject} app the Microsoft Graph application permission {feature.LeastPrivileged}, then grant admin consent"),
            _ when error.ResponseStatusCode == 429 => CheckResult.Warn(id, subject, $"{call}: throttled by Graph ({said})",
                "run whfb doctor again in a minute"),
            _ => CheckResult.Fail(id, subject, $"{call}: Graph answered {said}", $"check Graph:BaseUrl and that the tenant has {feature.Licence ?? "this API"}"),
        };
    }
}
