using Whfb.Ingest.Security;

namespace Whfb.Ingest.Apis;

/// <summary>
/// A device key posts its own device's records only: any record or field naming another device refuses the whole
/// request (403 naming it), before anything is published. Enrollment (during the migration window) and import keys
/// post for any device of their tenant.
/// </summary>
internal static class DeviceScope
{
    /// <summary>The device the request's key is bound to; null when the key may post any device of its tenant.</summary>
    public static Guid? Of(HttpContext http) => http.User.Collector().DeviceId;

    /// <summary>403 for the first of <paramref name="named"/> that is not <paramref name="keyDevice"/>; null when all are (or no device binds the key).</summary>
    public static IResult? Check(Guid? keyDevice, IEnumerable<(Guid Device, RejectedInput Where)> named)
    {
        if (keyDevice is not { } own)
            return null;
        foreach (var (device, where) in named)
        {
            if (device != own)
                return Forbidden(where, device);
        }

        return null;
    }

    public static IResult? Check(Guid? keyDevice, Guid device, RejectedInput where) => Check(keyDevice, [(device, where)]);

    private static IResult Forbidden(RejectedInput where, Guid device)
    {
        var error = where with { Kind = "OtherDevice", Reason = $"names device {device}, not the device this key was enrolled for" };
        return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "A device key posts its own device's records only",
            detail: error + "; nothing was accepted.", extensions: new Dictionary<string, object?> { ["errors"] = new[] { error } });
    }
}
