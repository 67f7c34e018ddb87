namespace Whfb.Simulator.Graph.Routing;

/// <summary>A query option the emulator (like Graph) rejects; answered as 400 with the given code.</summary>
public sealed class GraphQueryException : Exception
{
    public GraphQueryException(string message, string code = "BadRequest")
        : base(message) => Code = code;

    public GraphQueryException()
        : this("Invalid request.")
    {
    }

    public GraphQueryException(string message, Exception innerException)
        : base(message, innerException) => Code = "BadRequest";

    public string Code { get; } = "BadRequest";
}
