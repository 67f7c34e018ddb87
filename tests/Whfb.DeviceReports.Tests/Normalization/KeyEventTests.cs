using Whfb.Contracts.Devices;

namespace Whfb.DeviceReports.Tests.Normalization;

public class KeyEventTests
{
    private static readonly Guid Key = Guid.Parse("8d2c3b1a-4e5f-4071-9a8b-c7d6e5f4a3b2");

    [Theory]
    [InlineData("300-multi-line.json", "ATT_TPM")]
    [InlineData("300-single-line.json", "ATT_SOFT")]
    [InlineData("300-eventdata-only.json", "ATT_TPM")]
    public void Event_300_reads_key_upn_and_attestation_in_every_rendering(string file, string attestation)
    {
        var e = Samples.Normalized<NgcKeyRegistered>(file);

        Assert.Equal(Key, e.KeyId);
        Assert.Equal("adele.vance@contoso.com", e.UserPrincipalName);
        Assert.Equal(attestation, e.Attestation);
        Assert.Equal("{\"kid\":\"8d2c3b1a-4e5f-4071-9a8b-c7d6e5f4a3b2\",\"upn\":\"adele.vance@contoso.com\"}", e.ServerResponse);
    }

    [Fact]
    public void Event_300_multi_line_has_both_request_ids()
    {
        var e = Samples.Normalized<NgcKeyRegistered>("300-multi-line.json");

        Assert.Equal("0b6f1a2c-3d4e-4f50-8a9b-0c1d2e3f4a5b", e.ClientRequestId);
        Assert.Equal("7e8f9a0b-1c2d-4e3f-a4b5-c6d7e8f9a0b1", e.ServerRequestId);
    }

    [Fact]
    public void Event_300_falls_back_to_the_server_response_for_key_and_upn()
    {
        var record = Samples.Record("300-eventdata-only.json");
        var data = new Dictionary<string, string>(record.EventData, StringComparer.OrdinalIgnoreCase);
        data.Remove("KeyId");
        data.Remove("UPN");

        var e = (NgcKeyRegistered)DeviceReports.Normalization.DeviceEventNormalizer.Normalize(Samples.Tenant, record with { EventData = data }).Message;

        Assert.Equal(Key, e.KeyId);
        Assert.Equal("adele.vance@contoso.com", e.UserPrincipalName);
    }

    [Fact]
    public void Event_301_rendered_gives_code_meaning_and_server_message()
    {
        var e = Samples.Normalized<NgcKeyRegistrationFailed>("301-mfa-required.json");

        // "Exit code: Unknown HResult Error code: 0x801c03ed" is one value: the exit code as Windows renders an
        // HRESULT it has no text for, not an exit code followed by a second label.
        Assert.Equal(0x801C03EDu, e.ExitCode!.Code);
        Assert.Equal("0x801C03ED", e.ExitCode.Hex);
        Assert.Contains("Multi-factor", e.ExitCode.Meaning);
        Assert.Null(e.ErrorCode);
        Assert.StartsWith("AADSTS50076:", e.ServerErrorMessage);
        Assert.Equal("2a3b4c5d-6e7f-4081-9293-a4b5c6d7e8f9", e.ClientRequestId);
        Assert.Equal("{\"code\":\"invalid_grant\",\"subcode\":\"mfa_required\"}", e.ServerResponse);
    }

    [Fact]
    public void Event_301_from_eventData_reads_signed_decimal_exit_codes()
    {
        var e = Samples.Normalized<NgcKeyRegistrationFailed>("301-tpm-missing.json");

        Assert.Equal(0x80090035u, e.ErrorCode!.Code);
        Assert.Equal(0x80090035u, e.ExitCode!.Code);
        Assert.Contains("TPM", e.ErrorCode.Meaning);
        Assert.Null(e.ServerErrorMessage);
        Assert.Null(e.ServerRequestId);
        Assert.Equal("None", e.RecommendedClientResponse);
    }

    [Fact]
    public void Event_301_with_an_unknown_code_has_no_meaning()
    {
        var e = Samples.Normalized<NgcKeyRegistrationFailed>("301-unknown-code.json");

        Assert.Equal("0x801C0999", e.ExitCode!.Hex);
        Assert.Null(e.ExitCode.Meaning);
    }

    [Fact]
    public void Event_346_reads_the_encoded_key_id()
    {
        var e = Samples.Normalized<NgcKeyRemoved>("346-key-removed.json");

        Assert.Equal("kzF9mXoRj0Rg8vQz1pVbqk3xR0uN7yW2aHcEfGdTs5M=", e.KeyHash);
    }

    [Fact]
    public void Event_346_rendered_only_reads_the_same()
    {
        var record = Samples.Record("346-key-removed.json") with { EventData = new Dictionary<string, string>() };

        var e = (NgcKeyRemoved)DeviceReports.Normalization.DeviceEventNormalizer.Normalize(Samples.Tenant, record).Message;

        Assert.Equal("kzF9mXoRj0Rg8vQz1pVbqk3xR0uN7yW2aHcEfGdTs5M=", e.KeyHash);
    }
}
