using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Delta;
using Whfb.Simulator.Graph.Delta;

namespace Whfb.Simulator.Tests.Graph;

/// <summary>users/delta tokens as Graph treats them: they expire, unknown ones are refused, a reset answers 410 Gone.</summary>
public sealed class DeltaTokenTests(ShortDeltaTokensFixture emulator) : IClassFixture<ShortDeltaTokensFixture>
{
    [Fact]
    public async Task An_expired_delta_link_is_400_syncStateNotFound_through_the_SDK()
    {
        var link = await DeltaLinkAsync();
        await Task.Delay(ShortDeltaTokensFixture.Lifetime + TimeSpan.FromMilliseconds(500));

        var error = await Assert.ThrowsAsync<ODataError>(() => emulator.Client().Users.Delta.WithUrl(link).GetAsDeltaGetResponseAsync());

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("syncStateNotFound", error.Error!.Code);
    }

    [Fact]
    public async Task A_token_this_tenant_never_issued_is_refused_and_a_garbled_one_is_a_bad_request()
    {
        var link = await DeltaLinkAsync();
        var other = new GraphEmulatorFixture();
        await other.InitializeAsync();
        string foreignToken;
        try
        {
            var foreign = await other.Client().Users.Delta.GetAsDeltaGetResponseAsync();
            foreignToken = Token(foreign!.OdataNextLink ?? foreign.OdataDeltaLink!);
        }
        finally
        {
            await other.DisposeAsync();
        }

        var unknown = await Assert.ThrowsAsync<ODataError>(() => Delta(Relink(link, foreignToken)).GetAsDeltaGetResponseAsync());
        var garbled = await Assert.ThrowsAsync<ODataError>(() => Delta(Relink(link, "not-a-token")).GetAsDeltaGetResponseAsync());

        Assert.Equal((400, "syncStateNotFound"), (unknown.ResponseStatusCode, unknown.Error!.Code));
        Assert.Equal((400, "Request_BadRequest"), (garbled.ResponseStatusCode, garbled.Error!.Code));
    }

    [Fact]
    public async Task After_a_reset_earlier_tokens_are_410_resyncRequired_with_the_initial_request_as_Location()
    {
        var link = await DeltaLinkAsync();
        emulator.App.Services.GetRequiredService<DeltaTokens>().Reset();
        using var raw = new RawGraph(emulator);

        using var gone = await raw.SendAsync(HttpMethod.Get, new Uri(link).PathAndQuery);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await gone.Content.ReadAsStringAsync())!;
        var restart = await emulator.Client().Users.Delta.WithUrl(gone.Headers.Location!.ToString()).GetAsDeltaGetResponseAsync();

        Assert.Equal(410, (int)gone.StatusCode);
        Assert.Equal("resyncRequired", body["error"]!["code"]!.GetValue<string>());
        Assert.Equal("", Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(gone.Headers.Location!.Query)["$deltatoken"].ToString());
        Assert.Equal(100, restart!.Value!.Count);
        Assert.NotNull(restart.OdataNextLink);
    }

    [Fact]
    public async Task A_next_link_is_refused_like_a_delta_link_once_its_round_is_too_old()
    {
        var first = await emulator.Client().Users.Delta.GetAsDeltaGetResponseAsync();
        await Task.Delay(ShortDeltaTokensFixture.Lifetime + TimeSpan.FromMilliseconds(500));

        var error = await Assert.ThrowsAsync<ODataError>(() => Delta(first!.OdataNextLink!).GetAsDeltaGetResponseAsync());

        Assert.Equal("syncStateNotFound", error.Error!.Code);
    }

    [Fact]
    public void Tokens_live_seven_days_by_default()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestTenant.Created);
        var tokens = new DeltaTokens(Microsoft.Extensions.Options.Options.Create(new Simulator.Graph.GraphEmulatorOptions()), time);
        var token = tokens.Issue(new DeltaState(0, 10, 0, time.GetUtcNow()));

        time.Advance(TimeSpan.FromDays(7));
        var lastDay = tokens.Read(token);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(lastDay.Refusal);
        Assert.Equal(DeltaRefusal.Expired, tokens.Read(token).Refusal);
    }

    private DeltaRequestBuilder Delta(string link) => emulator.Client().Users.Delta.WithUrl(link);

    private async Task<string> DeltaLinkAsync()
    {
        var page = await emulator.Client().Users.Delta.GetAsDeltaGetResponseAsync();
        while (page!.OdataNextLink is { } next)
        {
            page = await Delta(next).GetAsDeltaGetResponseAsync();
        }

        return page.OdataDeltaLink!;
    }

    private static string Token(string link) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query)
        .First(q => q.Key is "$skiptoken" or "$deltatoken").Value.ToString();

    private static string Relink(string link, string token) => link.Replace(Token(link), token, StringComparison.Ordinal);
}

/// <summary>The test tenant with delta tokens that live two seconds, so expiry shows within a test.</summary>
public sealed class ShortDeltaTokensFixture : GraphEmulatorFixture
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulator:Graph:DeltaTokenLifetime"] = "00:00:02",
    };
}
