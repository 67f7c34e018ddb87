using System.Buffers;

namespace Whfb.Ingest.Apis;

internal static class RequestBody
{
    /// <summary>The whole body, or null when it is longer than <paramref name="maxBytes"/> (stops reading there).</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext http, long maxBytes)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(http.Request.ContentLength ?? 64 * 1024, maxBytes) + 1);
        while (true)
        {
            var read = await http.Request.Body.ReadAsync(buffer.GetMemory(64 * 1024), http.RequestAborted);
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
