using System.Text.Json.Nodes;
using Whfb.Simulator.Graph.Routing;
using Whfb.Simulator.Identity;

namespace Whfb.Simulator.Graph;

/// <summary>Serves /v1.0/** and /beta/** over HTTP: bearer token check, then the <see cref="GraphDispatcher"/>.</summary>
public static class GraphEndpoint
{
    private const string JsonContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
    private static readonly string[] Methods = ["GET", "POST", "PATCH", "PUT", "DELETE"];

    public static IEndpointRouteBuilder MapGraphEmulator(this IEndpointRouteBuilder app)
    {
        foreach (var version in new[] { "v1.0", "beta" })
        {
            app.MapMethods($"/{version}/{{**path}}", Methods,
                (HttpContext context, GraphDispatcher dispatcher, TokenIssuer issuer) => ServeAsync(context, version, dispatcher, issuer))
                .DisableAntiforgery();
        }

        return app;
    }

    private static async Task ServeAsync(HttpContext context, string version, GraphDispatcher dispatcher, TokenIssuer issuer)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        GraphResponse response;
        try
        {
            response = issuer.Validate(token) is { } caller
                ? dispatcher.Dispatch(await RequestAsync(context, version, caller))
                : GraphErrors.Response(401, "InvalidAuthenticationToken",
                    token is null ? "Access token is empty." : "Access token validation failure. Invalid audience or expired token.");
        }
        catch (System.Text.Json.JsonException e)
        {
            response = GraphResponse.BadRequest("BadRequest", $"Unable to read JSON request payload: {e.Message}");
        }

        await WriteAsync(context.Response, response);
    }

    private static async Task<GraphRequest> RequestAsync(HttpContext context, string version, GraphCaller caller)
    {
        var request = context.Request;
        var body = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0
            ? await JsonNode.ParseAsync(request.Body, cancellationToken: context.RequestAborted)
            : null;
        return new GraphRequest
        {
            Method = request.Method,
            Version = version,
            Path = context.GetRouteValue("path")?.ToString() ?? "",
            Query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            Body = body,
            ClientId = caller.ClientId,
            Roles = caller.Roles,
            MaxPageSize = MaxPageSize(request.Headers["Prefer"].ToString()),
            ServiceRoot = new Uri($"{request.Scheme}://{request.Host}"),
        };
    }

    /// <summary>N of <c>odata.maxpagesize=N</c> in a Prefer header.</summary>
    private static int? MaxPageSize(string prefer)
    {
        const string Name = "odata.maxpagesize=";
        var part = prefer.Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(p => p.StartsWith(Name, StringComparison.OrdinalIgnoreCase));
        return part is not null && int.TryParse(part[Name.Length..], System.Globalization.CultureInfo.InvariantCulture, out var size) && size > 0 ? size : null;
    }

    private static async Task WriteAsync(HttpResponse http, GraphResponse response)
    {
        http.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            http.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            http.ContentType = JsonContentType;
            await http.WriteAsync(response.Body.ToJsonString());
        }
    }
}
