using System.Net;

namespace Whfb.DeviceReports.Records;

/// <summary>
/// Get-WinEvent's MachineName is the fully qualified name (<c>PC-0142.contoso.com</c>), while Entra ID, AD and the
/// other reports name the device by its host name: the host is shown, the full name kept beside it.
/// </summary>
public static class DeviceNames
{
    public static (string? Host, string? Fqdn) Split(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return (null, null);
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == trimmed.Length - 1 || IPAddress.TryParse(trimmed, out _))
            return (trimmed, null);
        return (trimmed[..dot], trimmed);
    }
}
