using System.Globalization;
using Microsoft.Extensions.Options;
using Whfb.Ingest.Model;
using Whfb.Ingest.Security;

namespace Whfb.Ingest.Apis;

/// <summary>
/// The migration to device keys: a tenant's enrollment key (what collectors posted with before) may post records only
/// until <see cref="IngestOptions.TenantKeysPostUntil"/>, and every such answer says so: <c>Deprecation</c> (RFC 9745,
/// deprecated as of the request), <c>Sunset</c> (RFC 8594, the end of the window, once set) and a <c>Warning</c> a
/// person can read. After the window: 403, the key only enrolls.
/// </summary>
internal sealed class TenantKeyWindow(IOptions<IngestOptions> options, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Collector().Kind != CollectorKeyKind.Enrollment)
            return await next(context);

        var now = time.GetUtcNow();
        var until = options.Value.TenantKeysPostUntil;
        if (until <= now)
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This collector key can only enroll devices",
                detail: $"Tenant collector keys stopped posting records at {until:O}: enroll the device (POST /v1/enroll with this key) and post with the device key it returns.");

        var headers = http.Response.Headers;
        headers["Deprecation"] = "@" + now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (until is { } end)
            headers["Sunset"] = end.ToString("R", CultureInfo.InvariantCulture);
        headers.Warning = "299 whfb-ingest \"Posting with a tenant collector key is deprecated: enroll the device (POST /v1/enroll) and post with its device key"
            + (until is { } last ? $"; this key stops posting at {last:O}\"" : "\"");
        return await next(context);
    }
}
