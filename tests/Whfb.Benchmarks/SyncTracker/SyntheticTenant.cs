using Whfb.SyncTracker.Domain;

namespace Whfb.Benchmarks.SyncTracker;

/// <summary>
/// A deterministic tenant: user i has ids derived from i; the first <see cref="TwoKeyUsers"/> users have two devices.
/// Every 20th key never reaches AD (it gets stuck) and every 100th user also holds a value no Entra key claims (orphan).
/// </summary>
internal sealed record SyntheticTenant(int Keys)
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public Guid TenantId { get; } = Guid.Parse("c0000000-0000-4000-8000-00000000000c");

    public int TwoKeyUsers => Keys / 5;

    public int Users => Keys - TwoKeyUsers;

    public static Guid EntraId(int user) => Id(1, user, 0);

    public static Guid ObjectGuid(int user) => Id(2, user, 0);

    public static Guid Device(int user, int slot) => Id(3, user, slot);

    public static string Sid(int user) => $"S-1-5-21-1000-2000-3000-{user + 1000}";

    public static string Upn(int user) => $"user{user}@whfb.test";

    public static string Dn(int user) => $"CN=user{user},OU=Bench,DC=whfb,DC=test";

    /// <summary>Keys are created over the first hour, one every few milliseconds.</summary>
    public static DateTimeOffset Created(int user, int slot) => Start.AddMilliseconds((user * 31) + (slot * 7));

    public int KeysOf(int user) => user < TwoKeyUsers ? 2 : 1;

    public static bool ReachesAd(int user, int slot) => ((user * 2) + slot) % 20 != 7;

    public static bool HasOrphan(int user) => user % 100 == 42;

    public EntraUserObservation EntraUser(int user) => new(EntraId(user), Upn(user), EntraUserObservation.ImmutableIdOf(ObjectGuid(user)), null);

    public static EntraKeyObservation EntraKey(int user, int slot) =>
        new(EntraId(user), Upn(user), Device(user, slot), $"method-{user}-{slot}", null, Created(user, slot));

    private static Guid Id(byte kind, int user, int slot)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes[0] = kind;
        bytes[1] = (byte)slot;
        BitConverter.TryWriteBytes(bytes[4..], user);
        bytes[7] |= 0x40;
        return new Guid(bytes);
    }
}
