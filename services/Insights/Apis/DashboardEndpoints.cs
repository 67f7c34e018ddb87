using System.Reflection;

namespace Whfb.Insights.Apis;

/// <summary>
/// The dashboard: a static page (HTML, JS, CSS embedded in this assembly, no CDN) that signs in with an operator API
/// key and reads the analytics and alerts APIs. The page itself holds no tenant data; every data call needs the key.
/// </summary>
public static class DashboardEndpoints
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
    };

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapGet("/dashboard/{file?}", (string? file, HttpResponse response) =>
        {
            var name = string.IsNullOrEmpty(file) ? "index.html" : file;
            if (!Files.TryGetValue(name, out var contentType)
                || Assembly.GetExecutingAssembly().GetManifestResourceStream($"dashboard/{name}") is not { } stream)
            {
                return Results.NotFound();
            }

            response.Headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            response.Headers.XContentTypeOptions = "nosniff";
            return Results.Stream(stream, contentType);
        }).ExcludeFromDescription();
        return app;
    }
}
