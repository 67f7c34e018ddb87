using Whfb.Policy.Intune;
using Whfb.Policy.Rollouts;

namespace Whfb.Policy.Apis;

/// <summary>The problem answers of the rollouts API (RFC 7807).</summary>
public static class ApiResults
{
    public static IResult Invalid(FieldProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Results.ValidationProblem(new Dictionary<string, string[]> { [problem.Field] = [problem.Message] }, title: $"Invalid field '{problem.Field}'");
    }

    public static IResult NoSuchRollout() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such rollout in your tenant");

    public static IResult Conflict(string detail) => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now", detail: detail);

    public static IResult GraphFailed(Exception error) => Results.Problem(statusCode: StatusCodes.Status502BadGateway,
        title: "Microsoft Graph refused or failed the call; nothing was recorded, retry the action", detail: error?.Message);

    /// <summary>
    /// Graph refused a feature for good: the same 502 as any Graph failure (the rollout did not change), but a title that
    /// says retrying is useless until an admin grants what <c>missing</c> names.
    /// </summary>
    public static IResult GraphAccessDenied(GraphAccessDeniedException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Results.Problem(statusCode: StatusCodes.Status502BadGateway, type: "https://learn.microsoft.com/graph/permissions-reference",
            title: $"Microsoft Graph refuses {error.Feature.Name}: grant the Policy app {string.Join(" or ", error.Remedy)}, then retry the action",
            detail: error.Message,
            extensions: new Dictionary<string, object?> { ["feature"] = error.Feature.Name, ["missing"] = error.Remedy, ["graphCode"] = error.Denial.Code });
    }

    /// <summary>Without naming the served tenant: its id is another customer's, not the caller's to learn.</summary>
    public static IResult OtherTenant() => Results.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "This Policy instance manages another tenant's Intune");
}
