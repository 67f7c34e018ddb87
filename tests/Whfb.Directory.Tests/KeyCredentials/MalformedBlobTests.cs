using Whfb.Directory.KeyCredentials;

namespace Whfb.Directory.Tests.KeyCredentials;

public class MalformedBlobTests
{
    private static readonly byte[] Valid = KeyCredentialBuilder.Build(
        TestKeys.EntraSpec(Guid.NewGuid(), DateTimeOffset.UnixEpoch));

    [Theory]
    [InlineData(new byte[] { }, 0, "shorter than its version")]
    [InlineData(new byte[] { 0x00, 0x02, 0x00 }, 0, "shorter than its version")]
    [InlineData(new byte[] { 0x00, 0x03, 0x00, 0x00 }, 0, "Unknown blob version")]
    [InlineData(new byte[] { 0x00, 0x02, 0x00, 0x00, 0x01, 0x00 }, 4, "Truncated entry header")]
    [InlineData(new byte[] { 0x00, 0x02, 0x00, 0x00, 0xFF, 0xFF, 0x03, 0x01 }, 4, "exceeds")]
    [InlineData(new byte[] { 0x00, 0x02, 0x00, 0x00, 0x02, 0x00, 0x05, 0x01, 0x00 }, 4, "KeySource entry has 2 bytes")]
    [InlineData(new byte[] { 0x00, 0x02, 0x00, 0x00, 0x01, 0x00, 0x06, 0x01 }, 4, "DeviceId entry has 1 bytes")]
    [InlineData(new byte[] { 0x00, 0x02, 0x00, 0x00, 0x04, 0x00, 0x09, 1, 2, 3, 4 }, 4, "KeyCreationTime entry has 4 bytes")]
    [InlineData(new byte[] { 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x04 }, 4, "Empty KeyUsage")]
    [InlineData(new byte[] { 0x00, 0x02, 0x00, 0x00, 0x01, 0x00, 0x05, 0x01, 0x01, 0x00, 0x05, 0x00 }, 8, "Duplicate KeySource")]
    public void Bad_blobs_throw_the_typed_exception_with_the_offset(byte[] blob, int offset, string reason)
    {
        var ex = Assert.Throws<KeyCredentialFormatException>(() => KeyCredentialDecoder.Decode(blob));

        Assert.Equal(offset, ex.Offset);
        Assert.Equal(FormatErrorLocation.Blob, ex.Location);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_truncation_of_a_valid_blob_is_a_typed_error_or_a_shorter_key()
    {
        for (var length = 0; length < Valid.Length; length++)
        {
            if (KeyCredentialDecoder.TryDecode(Valid.AsMemory(0, length), out var key, out var error))
            {
                Assert.False(key.KeyHashValid);
            }
            else
            {
                Assert.InRange(error.Offset, 0, length);
            }
        }
    }

    [Fact]
    public void Huge_entry_length_is_rejected_before_any_allocation()
    {
        byte[] blob = [0x00, 0x02, 0x00, 0x00, 0xFF, 0xFF, 0x03];
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ok = KeyCredentialDecoder.TryDecode(blob, out _, out var error);

        Assert.False(ok);
        Assert.Equal(4, error!.Offset);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4096);
    }

    [Fact]
    public void Dn_binary_with_a_bad_blob_reports_the_blob_offset()
    {
        var ex = Assert.Throws<KeyCredentialFormatException>(
            () => KeyCredentialDecoder.DecodeDnBinary("B:8:00030000:CN=x,DC=whfb,DC=test"));

        Assert.Equal(FormatErrorLocation.Blob, ex.Location);
        Assert.Equal(0, ex.Offset);
    }
}
