namespace Whfb.Contracts.Keys;

/// <summary>A key registered in Entra ID was seen in the user's msDS-KeyCredentialLink; the user can reach on-prem resources.</summary>
public sealed record KeySynced(Guid EventId, KeyReference Key, DateTimeOffset ObservedInAdAt, TimeSpan Latency);
