using System.Buffers.Binary;
using System.Text;

namespace Whfb.Directory.KeyCredentials;

/// <summary>Interprets the entries of one blob (lengths checked, integrity computed, times converted).</summary>
internal sealed class KeyCredentialFields
{
    private const int GuidLength = 16;
    private const int TimeLength = 8;

    private readonly ReadOnlyMemory<byte> _blob;
    private readonly KeyCredentialVersion _version;
    private List<string>? _warnings;
    private List<byte>? _unknown;
    private uint _seen;
    private ReadOnlyMemory<byte> _keyId;
    private ReadOnlyMemory<byte> _keyHash;
    private ReadOnlyMemory<byte> _material;
    private int _afterKeyHash = -1;
    private KeyUsage? _usage;
    private string? _legacyUsage;
    private KeySource? _source;
    private Guid? _deviceId;
    private CustomKeyInformation? _custom;
    private long? _created;
    private long? _lastLogon;

    private KeyCredentialFields(ReadOnlyMemory<byte> blob, KeyCredentialVersion version)
    {
        _blob = blob;
        _version = version;
    }

    public static KeyCredentialFormatError? Interpret(
        ReadOnlyMemory<byte> blob, string? ownerDn, out KeyCredential? result)
    {
        result = null;
        var error = KeyCredentialEntryReader.Read(blob, out var version, out var entries);
        if (error is not null)
        {
            return error;
        }

        var fields = new KeyCredentialFields(blob, version);
        foreach (var entry in entries)
        {
            error = fields.Take(entry);
            if (error is not null)
            {
                return error;
            }
        }

        result = fields.Build(entries, ownerDn);
        return null;
    }

    private KeyCredentialFormatError? Take(KeyCredentialEntry entry)
    {
        if (!entry.IsKnown)
        {
            (_unknown ??= []).Add(entry.Identifier);
            (_warnings ??= []).Add($"Skipped unknown entry 0x{entry.Identifier:X2} at byte {entry.Offset}");
            return null;
        }

        var bit = 1u << entry.Identifier;
        if ((_seen & bit) != 0)
        {
            return KeyCredentialFormatError.Blob(entry.Offset, $"Duplicate {entry.Id} entry");
        }

        _seen |= bit;
        var value = entry.Value;
        switch (entry.Id)
        {
            case KeyCredentialEntryId.KeyId:
                _keyId = value;
                return null;
            case KeyCredentialEntryId.KeyHash:
                _keyHash = value;
                _afterKeyHash = entry.Offset + entry.EncodedLength(_version);
                return null;
            case KeyCredentialEntryId.KeyMaterial:
                _material = value;
                return null;
            case KeyCredentialEntryId.KeyUsage:
                return TakeUsage(entry);
            case KeyCredentialEntryId.CustomKeyInformation:
                _custom = CustomKeyInformation.Parse(value);
                return null;
        }

        return TakeFixedLength(entry);
    }

    private KeyCredentialFormatError? TakeFixedLength(KeyCredentialEntry entry)
    {
        var expected = entry.Id switch
        {
            KeyCredentialEntryId.KeySource => 1,
            KeyCredentialEntryId.DeviceId => GuidLength,
            _ => TimeLength,
        };
        if (entry.Value.Length != expected)
        {
            return KeyCredentialFormatError.Blob(entry.Offset, $"{entry.Id} entry has {entry.Value.Length} bytes, expected {expected}");
        }

        var span = entry.Value.Span;
        switch (entry.Id)
        {
            case KeyCredentialEntryId.KeySource: _source = (KeySource)span[0]; break;
            case KeyCredentialEntryId.DeviceId: _deviceId = new Guid(span); break;
            case KeyCredentialEntryId.KeyApproximateLastLogonTimeStamp: _lastLogon = BinaryPrimitives.ReadInt64LittleEndian(span); break;
            default: _created = BinaryPrimitives.ReadInt64LittleEndian(span); break;
        }

        return null;
    }

    private KeyCredentialFormatError? TakeUsage(KeyCredentialEntry entry)
    {
        if (entry.Value.Length == 1)
        {
            _usage = (KeyUsage)entry.Value.Span[0];
            return null;
        }

        if (entry.Value.IsEmpty)
        {
            return KeyCredentialFormatError.Blob(entry.Offset, "Empty KeyUsage entry");
        }

        _legacyUsage = Encoding.UTF8.GetString(entry.Value.Span);
        return null;
    }

    private KeyCredential Build(IReadOnlyList<KeyCredentialEntry> entries, string? ownerDn)
    {
        var encoding = KeyCredentialTime.EncodingFor(_version, _source);
        return new KeyCredential
        {
            Version = _version,
            KeyId = Has(KeyCredentialEntryId.KeyId) ? FormatKeyId(_keyId.Span) : null,
            KeyIdBytes = _keyId,
            KeyIdValid = Has(KeyCredentialEntryId.KeyMaterial) && KeyCredentialIntegrity.KeyIdMatches(_material.Span, _keyId.Span),
            KeyHash = _keyHash,
            KeyHashValid = _afterKeyHash >= 0 && KeyCredentialIntegrity.HashMatches(_blob.Span[_afterKeyHash..], _keyHash.Span),
            KeyMaterial = _material,
            KeyMaterialInfo = KeyMaterialInspector.Inspect(_material),
            Usage = _usage,
            LegacyUsage = _legacyUsage,
            Source = _source,
            DeviceId = _deviceId,
            CustomKeyInformation = _custom,
            TimeEncoding = encoding,
            CreationTimeRaw = _created,
            LastLogonTimeRaw = _lastLogon,
            CreationTime = ToTime(_created, encoding, "KeyCreationTime"),
            LastLogonTime = ToTime(_lastLogon, encoding, "KeyApproximateLastLogonTimeStamp"),
            OwnerDn = ownerDn,
            Entries = entries,
            UnknownEntryIds = (IReadOnlyList<byte>?)_unknown ?? [],
            Warnings = (IReadOnlyList<string>?)_warnings ?? [],
        };
    }

    private string FormatKeyId(ReadOnlySpan<byte> id) =>
        _version == KeyCredentialVersion.Version2 ? Convert.ToBase64String(id) : Convert.ToHexString(id);

    private DateTimeOffset? ToTime(long? raw, KeyTimeEncoding encoding, string name)
    {
        if (raw is null)
        {
            return null;
        }

        var time = KeyCredentialTime.Decode(raw.Value, encoding);
        if (time is null)
        {
            (_warnings ??= []).Add($"{name} 0x{raw.Value:X16} is out of range for {encoding}");
        }

        return time;
    }

    private bool Has(KeyCredentialEntryId id) => (_seen & (1u << (int)id)) != 0;
}
