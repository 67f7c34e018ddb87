using System.Text.Json;
using Whfb.Directory.KeyCredentials;
using Xunit;

namespace Whfb.Cli.Tests;

public sealed class KeyCredentialDecodeTests
{
    private static readonly Guid Device = Guid.Parse("6f1c2a9e-3b4d-4e8f-9a01-2b3c4d5e6f70");
    private static readonly DateTimeOffset Created = new(2026, 11, 25, 8, 1, 10, TimeSpan.Zero);
    private static readonly byte[] Blob = KeyCredentialBuilder.Build(KeyCredentialSpec.EntraConnect(new byte[270], Device, Created));
    private const string Owner = "CN=Ada,OU=WhfbUsers,DC=whfb,DC=test";

    [Fact]
    public async Task DN_Binary_hex_and_base64_of_the_same_key_decode_alike_one_line_each()
    {
        var stdin = string.Join('\n', DnBinary.Format(Blob, Owner), Convert.ToHexString(Blob), Convert.ToBase64String(Blob));

        var (exit, output) = await WhfbProcess.RunAsync(stdin, "keycredential", "decode");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l =>
        {
            Assert.Equal(2, l.GetProperty("version").GetInt32());
            Assert.True(l.GetProperty("keyIdValid").GetBoolean());
            Assert.True(l.GetProperty("keyHashValid").GetBoolean());
            Assert.Equal("AzureAD", l.GetProperty("source").GetString());
            Assert.Equal("Ngc", l.GetProperty("usage").GetString());
            Assert.Equal(Device, l.GetProperty("deviceId").GetGuid());
            Assert.Equal(Created, l.GetProperty("creationTime").GetDateTimeOffset());
        });
        Assert.Equal(Owner, lines[0].GetProperty("ownerDn").GetString());
        Assert.Single(lines.Select(l => l.GetProperty("keyId").GetString()).Distinct());
    }

    [Fact]
    public async Task A_bad_value_is_a_JSON_error_with_its_line_and_a_nonzero_exit()
    {
        var truncated = Convert.ToHexString(Blob.AsSpan(0, 40));
        var stdin = string.Join('\n', Convert.ToBase64String(Blob), truncated, "B:10:00:CN=x");

        var (exit, output) = await WhfbProcess.RunAsync(stdin, "keycredential", "decode");

        Assert.NotEqual(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.False(lines[0].TryGetProperty("error", out _));
        Assert.Equal(2, lines[1].GetProperty("line").GetInt32());
        Assert.Equal("blob", lines[1].GetProperty("location").GetString());
        Assert.True(lines[1].GetProperty("offset").GetInt32() > 0);
        Assert.Equal(3, lines[2].GetProperty("line").GetInt32());
        Assert.Equal("text", lines[2].GetProperty("location").GetString());
    }

    [Fact]
    public async Task Values_given_as_arguments_are_decoded_without_stdin()
    {
        var (exit, output) = await WhfbProcess.RunAsync("", "keycredential", "decode", Convert.ToBase64String(Blob));

        Assert.Equal(0, exit);
        Assert.Equal(2, JsonDocument.Parse(output.Trim()).RootElement.GetProperty("version").GetInt32());
    }
}
