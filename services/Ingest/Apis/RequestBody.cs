using System.Buffers;

namespace Whfb.Ingest.Apis;

internal static class RequestBody
{
    /// <summary>The whole body, or null when it is longer than <paramref name="maxBytes"/> (stops reading there).</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext http, long maxBytes)
    {
        var length = http.Request.ContentLength;
        if (length > maxBytes)
        {
            return null;
        }

        return length is { } known ? await ReadKnownAsync(http, (int)known) : await ReadChunkedAsync(http, maxBytes);
    }

    /// <summary>
    /// A body of announced length into one array of exactly that size, not zeroed first: a collector's batch is tens to
    /// hundreds of kB, and a growing buffer allocated (and cleared) about twice that per request.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>> ReadKnownAsync(HttpContext http, int length)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(length);
        await http.Request.Body.ReadExactlyAsync(buffer, http.RequestAborted);
        return buffer;
    }

    private static async Task<ReadOnlyMemory<byte>?> ReadChunkedAsync(HttpContext http, long maxBytes)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            var read = await http.Request.Body.ReadAsync(buffer.GetMemory(16 * 1024), http.RequestAborted);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }
}
