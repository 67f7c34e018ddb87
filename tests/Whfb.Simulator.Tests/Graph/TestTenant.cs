using System.Security.Cryptography;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Tests.Graph;

/// <summary>
/// A small fixed tenant: 250 users (u000..u249@whfb.test), one device each, WHfB keys for the first 30,
/// groups ring1 (users 0-9) and ring2 (users 10-19, and ring1 nested).
/// </summary>
public static class TestTenant
{
    public const int UserCount = 250;
    public const int UsersWithKeys = 30;
    public static readonly DateTimeOffset Created = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public static string UserId(int i) => $"00000000-0000-4000-8000-{i:D12}";

    public static string DeviceObjectId(int i) => $"00000000-0000-4000-9000-{i:D12}";

    public static Guid DeviceId(int i) => Guid.Parse($"00000000-0000-4000-a000-{i:D12}");

    public static string Upn(int i) => $"u{i:D3}@whfb.test";

    public static void Seed(TenantDirectory directory, HelloMethodStore methods)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(methods);
        using var rsa = RSA.Create(2048);
        var material = rsa.ExportRSAPublicKey();
        for (var i = 0; i < UserCount; i++)
        {
            directory.PutUser(new TenantUser { Id = UserId(i), UserPrincipalName = Upn(i), DisplayName = $"User {i:D3}" });
            directory.PutDevice(new TenantDevice { Id = DeviceObjectId(i), DeviceId = DeviceId(i), DisplayName = $"PC-{i:D3}" });
            if (i < UsersWithKeys)
            {
                methods.Add(new HelloMethod
                {
                    Id = $"m{i:D3}", UserId = UserId(i), DeviceObjectId = DeviceObjectId(i), DeviceId = DeviceId(i),
                    DisplayName = $"PC-{i:D3}", CreatedDateTime = Created.AddMinutes(i), KeyMaterial = material,
                });
            }
        }

        directory.PutGroup(new TenantGroup { Id = "ring1", DisplayName = "WHfB Ring 1" });
        directory.PutGroup(new TenantGroup { Id = "ring2", DisplayName = "WHfB Ring 2" });
        directory.AddMembers("ring1", Enumerable.Range(0, 10).Select(UserId));
        directory.AddMembers("ring2", Enumerable.Range(10, 10).Select(UserId).Append("ring1"));
    }
}
