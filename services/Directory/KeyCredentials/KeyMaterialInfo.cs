namespace Whfb.Directory.KeyCredentials;

/// <summary>Encoding of the KeyMaterial entry, as recognized.</summary>
public enum KeyMaterialFormat
{
    Unknown,

    /// <summary>BCRYPT_RSAKEY_BLOB with magic RSA1 (user NGC keys).</summary>
    BCryptRsaPublicBlob,

    /// <summary>DER SubjectPublicKeyInfo with rsaEncryption (computer keys).</summary>
    SubjectPublicKeyInfo,

    /// <summary>DER PKCS#1 RSAPublicKey.</summary>
    Pkcs1RsaPublicKey,
}

/// <summary>What the key material is: "RSA" with a modulus size, or "unknown".</summary>
public sealed record KeyMaterialInfo(string KeyType, int? KeySizeBits, KeyMaterialFormat Format)
{
    public const string Rsa = "RSA";
    public const string UnknownType = "unknown";

    public static KeyMaterialInfo Unknown { get; } = new(UnknownType, null, KeyMaterialFormat.Unknown);
}
