using System.Globalization;

namespace Whfb.Simulator.Graph.Delta;

/// <summary>
/// Where a users/delta round stands: changes after <see cref="Since"/> up to <see cref="UpTo"/>, the page at
/// <see cref="Offset"/>; <see cref="Issued"/> dates the token that carries it (expiry, resets).
/// </summary>
public sealed record DeltaState(long Since, long UpTo, int Offset, DateTimeOffset Issued)
{
    public string Payload() => string.Create(CultureInfo.InvariantCulture, $"{Since}:{UpTo}:{Offset}:{Issued.UtcTicks}");

    /// <summary>The state a payload describes, or null when it is not one the emulator writes.</summary>
    public static DeltaState? Parse(string payload)
    {
        var parts = payload.Split(':');
        return parts.Length == 4
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var since)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var upTo)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is >= 0 and <= 3155378975999999999
            ? new DeltaState(since, upTo, offset, new DateTimeOffset(ticks, TimeSpan.Zero))
            : null;
    }
}
