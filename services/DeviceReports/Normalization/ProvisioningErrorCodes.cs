using System.Globalization;
using Whfb.Contracts.Devices;

namespace Whfb.DeviceReports.Normalization;

/// <summary>HRESULTs of WHfB provisioning and device registration, with the documented meanings (DOMAIN.md).</summary>
public static class ProvisioningErrorCodes
{
    private static readonly Dictionary<uint, string> Meanings = new()
    {
        [0x801C03ED] = "Multi-factor authentication is required for ProvisionKey, or the token or permissions are wrong",
        [0x801C044D] = "The token has no device id: re-join the device",
        [0x80090035] = "Policy requires a TPM and the device has none",
        [0x801C0451] = "The user token belongs to another account (switch account)",
        [0x801C03F2] = "Bad directory request, e.g. duplicate proxyAddresses",
        [0x801C03EA] = "The server failed to authorize the user or the device",
        [0x801C03EE] = "Attestation failed",
        [0x801C000E] = "Registration quota reached",
        [0x80090029] = "The TPM is not set up",
        [0x80090036] = "The user cancelled",
        [0xC00000BB] = "PIN temporarily unavailable (KDC certificate or CRL problem)",
        [0x801C03F0] = "No key is registered",
    };

    public static string? Meaning(uint code) => Meanings.GetValueOrDefault(code);

    /// <summary>
    /// Reads a code written as hex (<c>0x801c03ed</c>, also inside text such as
    /// "Unknown HResult Error code: 0x801c03ed") or as a signed or unsigned decimal.
    /// </summary>
    public static bool TryParse(string? text, out uint code)
    {
        code = 0;
        var span = text.AsSpan().Trim();
        var hex = span.IndexOf("0x", StringComparison.OrdinalIgnoreCase);
        if (hex >= 0)
        {
            var digits = span[(hex + 2)..];
            var end = digits.IndexOfAnyExcept("0123456789abcdefABCDEF");
            digits = end < 0 ? digits : digits[..end];
            return digits.Length is > 0 and <= 8 && uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code);
        }

        if (!long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            || number < int.MinValue || number > uint.MaxValue)
            return false;
        code = unchecked((uint)number);
        return true;
    }

    public static DeviceErrorCode? Describe(string? text) =>
        TryParse(text, out var code) ? Describe(code) : null;

    public static DeviceErrorCode Describe(uint code) =>
        new(code, "0x" + code.ToString("X8", CultureInfo.InvariantCulture), Meaning(code));
}
