using System.Security.Cryptography;
using System.Text;

namespace Whfb.ServiceDefaults.Security;

public static class ApiKeyHasher
{
    /// <summary>Lower-case hex SHA-256 of the key (keys are long random strings, so no salt or stretching is needed).</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key: 32 bytes, base64url, with a prefix that says what it is.</summary>
    public static string NewKey(string prefix) =>
        prefix + "_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Constant-time comparison of two hex hashes.</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
