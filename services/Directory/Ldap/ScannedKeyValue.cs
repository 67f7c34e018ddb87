using Whfb.Directory.KeyCredentials;

namespace Whfb.Directory.Ldap;

/// <summary>One msDS-KeyCredentialLink value as read, decoded or with the reason it could not be.</summary>
public sealed record ScannedKeyValue(string Raw, KeyCredential? Key, KeyCredentialFormatError? Error)
{
    public bool IsDecoded => Key is not null;

    public static ScannedKeyValue Decode(string raw) =>
        KeyCredentialDecoder.TryDecodeDnBinary(raw, out var key, out var error)
            ? new ScannedKeyValue(raw, key, null)
            : new ScannedKeyValue(raw, null, error);
}
