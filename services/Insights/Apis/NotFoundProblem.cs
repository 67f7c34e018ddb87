namespace Whfb.Insights.Apis;

/// <summary>
/// A 404 that says what was not found, without echoing the id: another tenant's object is as absent as one that never
/// existed, and the answer must not tell them apart.
/// </summary>
internal static class NotFoundProblem
{
    public static IResult Of(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what} in your tenant");
}
