using Microsoft.Graph.Models.ODataErrors;

namespace Whfb.GraphClient.Access;

/// <summary>Why Graph refused a call for good: the app lacks a permission, or the tenant a licence. Not worth retrying.</summary>
public enum DenialKind
{
    Permission,
    Licence,
}

/// <summary>A refusal that retrying will not change, with Graph's own words for the operator.</summary>
public sealed record GraphDenial(DenialKind Kind, string Code, string Message)
{
    /// <summary>
    /// A 403 that says a permission is missing (directory: <c>Authorization_RequestDenied</c>; reports:
    /// <c>Authentication_MSGraphPermissionMissing</c>; Intune: <c>Forbidden</c>) or a licence
    /// (<c>Authentication_RequestFromNonPremiumTenantOrB2CTenant</c>); null for anything else, which may pass.
    /// </summary>
    public static GraphDenial? From(int status, string? code, string? message)
    {
        if (status != 403 || code is null)
        {
            return null;
        }

        var kind = code switch
        {
            "Authentication_RequestFromNonPremiumTenantOrB2CTenant" => DenialKind.Licence,
            "Authorization_RequestDenied" or "Authentication_MSGraphPermissionMissing" or "Forbidden" => DenialKind.Permission,
            _ => (DenialKind?)null,
        };
        return kind is { } k ? new GraphDenial(k, code, message ?? "") : null;
    }

    public static GraphDenial? From(ODataError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return From(error.ResponseStatusCode, error.Error?.Code, error.Error?.Message);
    }

    public override string ToString() => $"{Code}: {Message}";
}
