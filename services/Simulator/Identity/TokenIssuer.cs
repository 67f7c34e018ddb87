using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Whfb.Simulator.Graph;

namespace Whfb.Simulator.Identity;

/// <summary>Issues opaque bearer tokens to apps and resolves them back to the app until they expire.</summary>
public sealed class TokenIssuer(IOptions<GraphEmulatorOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string ClientId, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    public string Issue(string clientId)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _tokens[token] = (clientId, time.GetUtcNow() + options.Value.TokenLifetime);
        return token;
    }

    /// <summary>The client id of a live token, otherwise null.</summary>
    public string? Validate(string? token)
    {
        if (token is null || !_tokens.TryGetValue(token, out var entry))
        {
            return null;
        }

        return entry.Expires > time.GetUtcNow() ? entry.ClientId : null;
    }
}
