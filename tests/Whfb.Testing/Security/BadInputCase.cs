using System.Net.Http.Headers;
using System.Text;

namespace Whfb.Testing.Security;

/// <summary>
/// One row of a bad-input corpus: a request a client can send by mistake or malice, the 4xx it must get, and the field
/// (or line) the problem detail must name. <paramref name="As"/> names the credential the service's test posts with.
/// </summary>
public sealed record BadInputCase(string As, string Method, string Url, string? ContentType, string? Body, int Status, string Field)
{
    /// <summary>A body that is not text (invalid UTF-8); sent instead of <see cref="Body"/>.</summary>
    public byte[]? RawBody { get; init; }

    /// <summary>The route the case belongs to ("POST /v1/events"), for the per-route counts.</summary>
    public string Route => $"{Method} {(Url.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? Url[..q] : Url)}";

    /// <summary>The request, with each "{name}" of the URL replaced by its value in <paramref name="placeholders"/> (ids the test seeded).</summary>
    public HttpRequestMessage Request(IReadOnlyDictionary<string, string>? placeholders = null)
    {
        var url = (placeholders ?? new Dictionary<string, string>()).Aggregate(Url, (u, p) => u.Replace($"{{{p.Key}}}", p.Value, StringComparison.Ordinal));
        var request = new HttpRequestMessage(new HttpMethod(Method), url);
        if (RawBody is not null || Body is not null)
        {
            var content = new ByteArrayContent(RawBody ?? Encoding.UTF8.GetBytes(Body!));
            content.Headers.ContentType = ContentType is null ? null : MediaTypeHeaderValue.Parse(ContentType);
            request.Content = content;
        }

        return request;
    }

    public override string ToString() => $"{As}: {Method} {Url} [{(Body ?? (RawBody is null ? "" : "<bytes>")).Replace("\n", "\\n", StringComparison.Ordinal)}]";
}
