using Whfb.Ingest.Model;

namespace Whfb.Ingest.Security;

/// <summary>Who is posting: the collector key, its tenant (the tenant of everything it posts), its kind and, for a device key, its device.</summary>
public sealed record CollectorIdentity(Guid KeyId, Guid TenantId, string Name, CollectorKeyKind Kind, Guid? DeviceId);
