using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Whfb.Simulator.Graph.Delta;

/// <summary>
/// The users/delta state tokens ($skiptoken of a nextLink, $deltatoken of a deltaLink). As on Graph they are opaque and
/// refer to sync state the service keeps: signed with a key of this emulator's lifetime, so a token another instance
/// issued (or one altered) names a sync state this one does not have. Tokens expire after
/// <see cref="GraphEmulatorOptions.DeltaTokenLifetime"/> (seven days for directory objects); <see cref="Reset"/> stands for
/// the tenant maintenance after which Graph answers every earlier token with 410 Gone.
/// </summary>
public sealed class DeltaTokens(IOptions<GraphEmulatorOptions> options, TimeProvider time)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private long _resetTicks;

    public string Issue(DeltaState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var payload = Encoding.UTF8.GetBytes(state.Payload());
        return $"{WebEncoders.Base64UrlEncode(payload)}.{WebEncoders.Base64UrlEncode(Signature(payload))}";
    }

    /// <summary>Every token issued until now answers 410 Gone (the client must start a full synchronization).</summary>
    public void Reset() => Interlocked.Exchange(ref _resetTicks, time.GetUtcNow().UtcTicks);

    /// <summary>The state a token carries, or why Graph refuses it.</summary>
    public (DeltaState? State, DeltaRefusal? Refusal) Read(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        byte[] payload, signature;
        try
        {
            (payload, signature) = parts.Length == 2 ? (WebEncoders.Base64UrlDecode(parts[0]), WebEncoders.Base64UrlDecode(parts[1])) : ([], []);
        }
        catch (FormatException)
        {
            return (null, DeltaRefusal.Malformed);
        }

        if (payload.Length == 0 || DeltaState.Parse(Encoding.UTF8.GetString(payload)) is not { } state)
        {
            return (null, DeltaRefusal.Malformed);
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Signature(payload)))
        {
            return (null, DeltaRefusal.UnknownState);
        }

        return state.Issued.UtcTicks <= Interlocked.Read(ref _resetTicks) ? (null, DeltaRefusal.Reset)
            : time.GetUtcNow() - state.Issued > options.Value.DeltaTokenLifetime ? (null, DeltaRefusal.Expired)
            : (state, null);
    }

    private byte[] Signature(byte[] payload) => HMACSHA256.HashData(_key, payload);
}

/// <summary>Why a delta token is refused.</summary>
public enum DeltaRefusal
{
    /// <summary>Not a token at all (truncated, not base64, not the emulator's shape).</summary>
    Malformed,

    /// <summary>A well-formed token for sync state this service does not hold (another instance's, or altered).</summary>
    UnknownState,

    /// <summary>Older than the token lifetime.</summary>
    Expired,

    /// <summary>Issued before a synchronization reset.</summary>
    Reset,
}
