using System.Buffers;

namespace Whfb.Ingest.Apis;

/// <summary>
/// A request body in a buffer rented from the shared pool that grows (doubling, up to the announced length) as bytes
/// arrive: memory follows what the client actually sent, never what its <c>Content-Length</c> claims, so slow clients
/// announcing the limit cost what they delivered. Dispose returns the buffer; the parsers copy what they keep.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private const int FirstChunk = 16 * 1024;

    private byte[] buffer;
    private int length;

    private RequestBody(int capacity)
    {
        buffer = ArrayPool<byte>.Shared.Rent(capacity);
    }

    public ReadOnlyMemory<byte> Memory => buffer.AsMemory(0, length);

    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

    /// <summary>The whole body, or null when it is longer than <paramref name="maxBytes"/> (stops reading there).</summary>
    public static async Task<RequestBody?> ReadAsync(HttpContext http, long maxBytes)
    {
        var announced = http.Request.ContentLength;
        if (announced > maxBytes)
        {
            return null;
        }

        // Without a length, room for one byte past the limit tells a body over it from one exactly at it.
        var cap = (int)Math.Min(announced ?? maxBytes + 1, int.MaxValue);
        var body = new RequestBody(Math.Clamp(cap, 1, FirstChunk));
        try
        {
            while (body.length < cap)
            {
                if (body.length == body.buffer.Length)
                {
                    body.Grow(cap);
                }

                var read = await http.Request.Body.ReadAsync(body.buffer.AsMemory(body.length, Math.Min(body.buffer.Length, cap) - body.length), http.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                body.length += read;
            }

            if (body.length > maxBytes)
            {
                body.Dispose();
                return null;
            }

            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        buffer = [];
        length = 0;
    }

    private void Grow(int cap)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, cap));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
