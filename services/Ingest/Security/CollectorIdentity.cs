namespace Whfb.Ingest.Security;

/// <summary>Who is posting: the collector key's id and its tenant (the tenant of everything it posts).</summary>
public sealed record CollectorIdentity(Guid KeyId, Guid TenantId, string Name);
