namespace Whfb.Contracts.Keys;

/// <summary>A key's value disappeared from AD (deleted in Entra and removed by sync, or cleaned up).</summary>
public sealed record NgcKeyRemovedFromAd(Guid EventId, KeyReference Key, DateTimeOffset ObservedAt);
