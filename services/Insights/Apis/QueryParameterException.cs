namespace Whfb.Insights.Apis;

/// <summary>A query parameter the caller got wrong; answered as a 400 problem naming <see cref="Parameter"/>.</summary>
public sealed class QueryParameterException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
