using Whfb.Directory.KeyCredentials;

namespace Whfb.Simulator.Tenant;

/// <summary>
/// RSA1 key material for simulated NGC keys: exponent 65537 and a random odd modulus with the top bit set,
/// drawn from the scenario's seeded <see cref="Random"/> (deterministic, and thousands per second unlike real
/// RSA key generation). Structurally a 2048-bit public key; nobody signs with it.
/// </summary>
public static class SimulatedKeyMaterial
{
    private static readonly byte[] Exponent = [0x01, 0x00, 0x01];

    public static byte[] Create(Random random, int bits = 2048)
    {
        ArgumentNullException.ThrowIfNull(random);
        var modulus = new byte[bits / 8];
        random.NextBytes(modulus);
        modulus[0] |= 0x80;
        modulus[^1] |= 0x01;
        return BCryptRsaKeyBlob.Create(bits, Exponent, modulus);
    }
}
