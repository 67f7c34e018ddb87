using Microsoft.AspNetCore.Http;

namespace Whfb.ServiceDefaults.Security;

public static class ApiKeyHeader
{
    /// <summary>The key from <c>Authorization: ApiKey …</c> or <c>X-Api-Key</c>, or null.</summary>
    public static string? Read(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["ApiKey ".Length..].Trim() is { Length: > 0 } key ? key : null;
        }

        return request.Headers["X-Api-Key"].ToString() is { Length: > 0 } header ? header : null;
    }
}
