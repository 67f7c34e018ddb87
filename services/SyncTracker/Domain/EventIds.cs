using System.Security.Cryptography;
using System.Text;

namespace Whfb.SyncTracker.Domain;

/// <summary>
/// Deterministic event ids (name-based, like UUIDv5 over SHA-256): the same key, episode and event kind always give
/// the same id, so a replay after a crash is recognised by every consumer.
/// </summary>
public static class EventIds
{
    public static Guid For(string kind, Guid subject, DateTimeOffset episode)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}|{subject:N}|{episode.UtcTicks}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
