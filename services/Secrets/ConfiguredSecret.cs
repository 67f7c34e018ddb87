using Microsoft.Extensions.Configuration;

namespace Whfb.Secrets;

/// <summary>
/// A secret setting <c>X</c>: from <c>XFile</c> (a mounted secret, trimmed), or <c>X</c> itself from the environment, a
/// secret store or the command line, never from an appsettings file (those end up in images and repositories).
/// Problems name the keys; the value never appears in a message.
/// </summary>
public static class ConfiguredSecret
{
    public const string FileSuffix = "File";

    /// <summary>
    /// The secret at <paramref name="key"/> (a full path such as <c>Graph:ClientSecret</c>), or null when it is not set or
    /// refused; every refusal is added to <paramref name="problems"/>.
    /// </summary>
    public static string? Read(IConfiguration configuration, string key, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var fileKey = key + FileSuffix;
        var file = configuration[fileKey];
        var value = configuration[key];
        if (file is { Length: > 0 } && value is { Length: > 0 })
        {
            problems.Add($"{key} and {fileKey} are both set: keep one.");
            return null;
        }

        if (file is { Length: > 0 })
        {
            return ReadFile(file, fileKey, problems);
        }

        if (value is { Length: > 0 } && IsAppSettingsFile(configuration, key))
        {
            problems.Add($"{key} must not be stored in an appsettings file: use the environment ({key.Replace(":", "__", StringComparison.Ordinal)}) or {fileKey}.");
            return null;
        }

        return value is { Length: > 0 } ? value : null;
    }

    /// <summary>Like <see cref="Read"/>, and a problem when the secret is not set at all.</summary>
    public static string? ReadRequired(IConfiguration configuration, string key, ICollection<string> problems)
    {
        var before = problems.Count;
        var secret = Read(configuration, key, problems);
        if (secret is null && problems.Count == before)
        {
            problems.Add($"{key} is not set: give it through the environment ({key.Replace(":", "__", StringComparison.Ordinal)}) or a secret file ({key}{FileSuffix}).");
        }

        return secret;
    }

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

    private static string? ReadFile(string file, string fileKey, ICollection<string> problems)
    {
        try
        {
            if (File.ReadAllText(file).Trim() is { Length: > 0 } secret)
            {
                return secret;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{fileKey} '{file}' cannot be read ({e.GetType().Name}).");
            return null;
        }

        problems.Add($"{fileKey} '{file}' is empty.");
        return null;
    }
}
