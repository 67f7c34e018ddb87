using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Whfb.Cli.Tests;

/// <summary>
/// A real HTTP endpoint on a free port playing the Policy service's rollout API as agreed in the contract (or another
/// service's API): it records what whfb sends (method, path, Authorization, body) and answers with the status codes
/// and bodies a test sets, for a path with its query string or, failing that, for the path alone.
/// </summary>
public sealed class RolloutApiStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body)>> _firstAnswers = new(StringComparer.Ordinal);

    private RolloutApiStandIn(WebApplication app) => _app = app;

    public IReadOnlyList<Received> Requests => _received.ToList();

    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    public static async Task<RolloutApiStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var standIn = new RolloutApiStandIn(builder.Build());
        standIn._app.Run(standIn.AnswerAsync);
        await standIn._app.StartAsync();
        return standIn;
    }

    public void Answer(string method, string path, int status, string body) => _answers[$"{method} {path}"] = (status, body);

    /// <summary>Answers the next request for the path (with its query string, exactly) so, once, before what <see cref="Answer"/> set.</summary>
    public void AnswerOnce(string method, string path, int status, string body) =>
        _firstAnswers.GetOrAdd($"{method} {path}", _ => new()).Enqueue((status, body));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = context.Request;
        _received.Enqueue(new Received(request.Method, request.Path + request.QueryString, request.Headers.Authorization.ToString(), body));
        var (status, answer) = _firstAnswers.TryGetValue($"{request.Method} {request.Path}{request.QueryString}", out var queue) && queue.TryDequeue(out var once) ? once
            : _answers.TryGetValue($"{request.Method} {request.Path}{request.QueryString}", out var exact) ? exact
            : _answers.GetValueOrDefault($"{request.Method} {request.Path}", (404, """{"title":"Not Found","status":404,"detail":"no such rollout"}"""));
        context.Response.StatusCode = status;
        context.Response.ContentType = status >= 400 ? "application/problem+json" : "application/json";
        await context.Response.WriteAsync(answer);
    }

    public sealed record Received(string Method, string Path, string Authorization, string Body);
}
