using System.Diagnostics;
using System.Security.Cryptography;
using Whfb.Directory.KeyCredentials;

namespace Whfb.Benchmarks.Directory;

/// <summary>
/// Where the client's CPU goes, without the directory: the scanned values decoded again in memory,
/// split into the DN-Binary hex parse and the two SHA-256 integrity checks (KeyID and KeyHash).
/// Whatever the full scan's CPU time exceeds this by is LDAP transport and entry marshalling.
/// </summary>
internal static class DecodeProbe
{
    private const int Passes = 3;

    public static DecodeCost Measure(IReadOnlyList<string> values)
    {
        var decoded = values.Select(KeyCredentialDecoder.DecodeDnBinary).ToArray();
        return new(
            Best(() => Each(values, v => DnBinary.Parse(v))),
            Best(() => Each(values, v => KeyCredentialDecoder.DecodeDnBinary(v))),
            Best(() => Each(decoded, HashTwice)),
            values.Count);
    }

    /// <summary>KeyID covers the key material; KeyHash covers it plus about 60 bytes of later entries: close enough.</summary>
    private static void HashTwice(KeyCredential key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(key.KeyMaterial.Span, hash);
        SHA256.HashData(key.KeyMaterial.Span, hash);
    }

    private static void Each<T>(IReadOnlyList<T> items, Action<T> action)
    {
        foreach (var item in items)
        {
            action(item);
        }
    }

    private static TimeSpan Best(Action pass)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i <= Passes; i++)
        {
            var clock = Stopwatch.StartNew();
            pass();
            if (i > 0 && clock.Elapsed < best)
            {
                best = clock.Elapsed; // pass 0 warms up
            }
        }

        return best;
    }
}

/// <summary>In-memory CPU time for all values: hex parse, complete decode (parse included), SHA-256 pair.</summary>
internal sealed record DecodeCost(TimeSpan HexParse, TimeSpan Decode, TimeSpan Sha256, int Values);
