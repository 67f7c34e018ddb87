namespace Whfb.Directory.KeyCredentials;

/// <summary>KEYCREDENTIALLINK_BLOB version (first uint32, little-endian).</summary>
public enum KeyCredentialVersion : uint
{
    Version0 = 0x0000,
    Version1 = 0x0100,
    Version2 = 0x0200,
}

/// <summary>KEYCREDENTIALLINK_ENTRY identifiers (MS-ADTS 2.2.20.6).</summary>
public enum KeyCredentialEntryId : byte
{
    KeyId = 0x01,
    KeyHash = 0x02,
    KeyMaterial = 0x03,
    KeyUsage = 0x04,
    KeySource = 0x05,
    DeviceId = 0x06,
    CustomKeyInformation = 0x07,
    KeyApproximateLastLogonTimeStamp = 0x08,
    KeyCreationTime = 0x09,
}

/// <summary>KeyUsage entry value (one byte in version 2).</summary>
public enum KeyUsage : byte
{
    AdminKey = 0x00,
    Ngc = 0x01,
    Stk = 0x02,
    BitlockerRecovery = 0x03,
    Other = 0x04,
    Fido = 0x07,
    Fek = 0x08,
}

/// <summary>KeySource entry value: who wrote the key (AzureAD = Entra Connect in hybrid key trust).</summary>
public enum KeySource : byte
{
    AD = 0x00,
    AzureAD = 0x01,
}

/// <summary>CUSTOM_KEY_INFORMATION flags.</summary>
[Flags]
public enum KeyCredentialFlags : byte
{
    None = 0x00,
    Attestation = 0x01,
    MfaNotUsed = 0x02,
}

/// <summary>CUSTOM_KEY_INFORMATION volume type.</summary>
public enum KeyVolumeType : byte
{
    None = 0x00,
    OperatingSystem = 0x01,
    FixedData = 0x02,
    RemovableData = 0x03,
}

/// <summary>CUSTOM_KEY_INFORMATION key strength.</summary>
public enum KeyStrength : byte
{
    Unknown = 0x00,
    Weak = 0x01,
    Normal = 0x02,
}
