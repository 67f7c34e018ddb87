namespace Whfb.Ingest.Publishing;

/// <summary>A device event and the bytes it takes in a broker message (its JSON, as MassTransit writes it).</summary>
public readonly record struct SizedEvent(object Event, int Bytes);
