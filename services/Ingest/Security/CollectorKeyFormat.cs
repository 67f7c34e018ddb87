namespace Whfb.Ingest.Security;

/// <summary>
/// The shape every collector key has (<c>whfbc_</c> and 43 base64url characters, as <c>ApiKeyHasher.NewKey</c> makes
/// them): anything else is refused before a hash, a cache entry or a database query is spent on it.
/// </summary>
public static class CollectorKeyFormat
{
    private const int RandomPart = 43;

    public static bool IsWellFormed(ReadOnlySpan<char> key)
    {
        var prefix = CollectorKeyStore.KeyPrefix + "_";
        if (key.Length != prefix.Length + RandomPart || !key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in key[prefix.Length..])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
