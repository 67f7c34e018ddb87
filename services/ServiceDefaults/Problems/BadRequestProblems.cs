using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Whfb.ServiceDefaults.Problems;

/// <summary>
/// A request the framework could not bind (a query parameter of the wrong type, a JSON body that is malformed or has a
/// value of the wrong type) answered as a 400 problem naming the field: the JSON path where the body broke, or the
/// parameter. Without it, binding failures were an empty 400 in production and a 500 under the developer settings,
/// neither saying what to fix.
/// </summary>
public sealed partial class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var field = Field(bad);
        var reason = bad.InnerException is JsonException json ? $"{bad.Message} {Path().Replace(json.Message, "")}".TrimEnd() : bad.Message;
        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] }, title: $"Invalid field '{field}'").ProblemDetails;
        problem.Status = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The JSON path of a body's fault without its "$." ("rings[0].name"), "body" for the body as a whole, else the parameter's name.</summary>
    private static string Field(BadHttpRequestException bad) => bad.InnerException is JsonException json
        ? json.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body"
        : Parameter().Match(bad.Message) is { Success: true } match ? match.Groups["name"].Value : "request";

    /// <summary>'Failed to bind parameter "int? limit" from "abc".' and the framework's other binding messages quote "type name".</summary>
    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex Parameter();

    /// <summary>The position suffix of a JSON message (" Path: $.x | LineNumber: 0 | BytePositionInLine: 9."), dropped: the field says it.</summary>
    [GeneratedRegex(@" Path: .*$|\s*LineNumber: .*$")]
    private static partial Regex Path();
}
