using Microsoft.Extensions.Configuration;

namespace Whfb.Policy.Intune;

/// <summary>Which configuration provider a key's effective value comes from.</summary>
internal static class SecretSource
{
    /// <summary>True when the last provider that has <paramref name="key"/> is an appsettings*.json file.</summary>
    public static bool IsAppSettingsFile(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return false;
        }

        var provider = root.Providers.LastOrDefault(p => p.TryGet(key, out _));
        return provider is FileConfigurationProvider { Source.Path: { } path }
            && Path.GetFileName(path).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase);
    }
}
