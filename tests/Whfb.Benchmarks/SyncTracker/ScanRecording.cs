using System.Security.Cryptography;
using System.Text.Json;
using Whfb.Directory.KeyCredentials;
using Whfb.Directory.Ldap;

namespace Whfb.Benchmarks.SyncTracker;

/// <summary>
/// Scan results recorded as JSON lines (one user with its DN-Binary values per line), the shape a full scan hands
/// over, and replayed user by user through the same decode and mapping SyncTracker's scanner uses.
/// </summary>
internal static class ScanRecording
{
    private static readonly byte[] Exponent = [0x01, 0x00, 0x01];

    public sealed record Line(Guid ObjectGuid, string Dn, string Sid, string Upn, string[] Values);

    public static async Task<(string File, int Values)> WriteAsync(SyntheticTenant tenant, string folder)
    {
        var file = Path.Combine(folder, $"synctracker-scan-{tenant.Keys}.jsonl");
        var values = 0;
        await using var writer = new StreamWriter(file);
        for (var user = 0; user < tenant.Users; user++)
        {
            var dn = SyntheticTenant.Dn(user);
            var raw = new List<string>(3);
            for (var slot = 0; slot < tenant.KeysOf(user); slot++)
            {
                if (SyntheticTenant.ReachesAd(user, slot))
                {
                    raw.Add(Value(SyntheticTenant.Device(user, slot), SyntheticTenant.Created(user, slot), dn));
                }
            }

            if (SyntheticTenant.HasOrphan(user))
            {
                raw.Add(Value(Guid.NewGuid(), SyntheticTenant.Start.AddDays(-90), dn));
            }

            values += raw.Count;
            var line = new Line(SyntheticTenant.ObjectGuid(user), dn, SyntheticTenant.Sid(user), SyntheticTenant.Upn(user), [.. raw]);
            await writer.WriteLineAsync(JsonSerializer.Serialize(line));
        }

        return (file, values);
    }

    /// <summary>Streams the recording user by user (values decoded as the scanner does), so nothing outlives its user.</summary>
    public static IEnumerable<ScannedUser> Replay(string file)
    {
        foreach (var text in File.ReadLines(file))
        {
            var line = JsonSerializer.Deserialize<Line>(text)!;
            yield return new ScannedUser
            {
                ObjectGuid = line.ObjectGuid,
                DistinguishedName = line.Dn,
                ObjectSid = line.Sid,
                UserPrincipalName = line.Upn,
                Values = [.. line.Values.Select(ScannedKeyValue.Decode)],
            };
        }
    }

    private static string Value(Guid device, DateTimeOffset created, string dn)
    {
        var modulus = RandomNumberGenerator.GetBytes(256);
        modulus[0] |= 0x80;
        var material = BCryptRsaKeyBlob.Create(2048, Exponent, modulus);
        return KeyCredentialBuilder.BuildDnBinary(KeyCredentialSpec.EntraConnect(material, device, created), dn);
    }
}
