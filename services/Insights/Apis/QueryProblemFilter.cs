namespace Whfb.Insights.Apis;

/// <summary>Turns a <see cref="QueryParameterException"/> into 400 problem details with the parameter under "errors".</summary>
public sealed class QueryProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (QueryParameterException ex)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [ex.Parameter] = [ex.Message] },
                title: $"Invalid query parameter '{ex.Parameter}'");
        }
    }
}
