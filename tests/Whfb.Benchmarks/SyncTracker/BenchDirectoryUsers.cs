using Whfb.Benchmarks.Directory;
using Whfb.Directory.Ldap;

namespace Whfb.Benchmarks.SyncTracker;

/// <summary>A seeded AD user of OU=Bench10k with its one Entra Connect value (DeviceId and creation time as written).</summary>
internal sealed record BenchDirectoryUser(string Dn, Guid ObjectGuid, string? Sid, string Upn, Guid DeviceId, DateTimeOffset Created);

internal static class BenchDirectoryUsers
{
    /// <summary>Reads the OU the directory benchmark seeded (untimed): who is there and which key each holds.</summary>
    public static async Task<List<BenchDirectoryUser>> ReadAsync(DirectoryBenchSettings settings, CancellationToken cancellationToken)
    {
        var users = new List<BenchDirectoryUser>();
        using var scanner = new KeyCredentialScanner(settings.Options());
        await scanner.ScanAsync(new KeyScanRequest { ForceFull = true }, (page, _) =>
        {
            foreach (var user in page.Users)
            {
                if (user.Values.Select(v => v.Key).FirstOrDefault(k => k?.DeviceId is not null && k.CreationTime is not null) is { } key)
                {
                    users.Add(new BenchDirectoryUser(user.DistinguishedName, user.ObjectGuid, user.ObjectSid,
                        user.UserPrincipalName ?? $"{user.ObjectGuid}@whfb.test", key.DeviceId!.Value, key.CreationTime!.Value));
                }
            }

            return ValueTask.CompletedTask;
        }, cancellationToken);
        return users;
    }
}
