namespace Whfb.Simulator.EntraConnect;

/// <summary>A key value written to AD: which user DN holds which DN-Binary value.</summary>
public sealed record ExportedKey(string MethodId, string DistinguishedName, string Value);
