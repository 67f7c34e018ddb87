using System.Text.Json;
using Microsoft.Extensions.Options;
using Whfb.Policy.Rollouts;

namespace Whfb.Policy.Apis;

/// <summary>Reads a request body with the API's JSON options; a malformed body is a problem naming the field (JSON path).</summary>
public static class JsonBody
{
    public static async Task<(T? Value, FieldProblem? Problem)> ReadAsync<T>(HttpContext context, bool optional = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length == 0)
        {
            return optional ? (null, null) : (null, new FieldProblem("body", "A JSON body is required"));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.ToArray(), options);
            return value is null && !optional ? (null, new FieldProblem("body", "A JSON object is required")) : (value, null);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body";
            return (null, new FieldProblem(field, "Not valid here: check the value's type and spelling (enums: settingsCatalog, customOmaUri, device, user; time spans: hh:mm:ss)"));
        }
    }
}
