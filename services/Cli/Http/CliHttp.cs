using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Whfb.Cli.Http;

/// <summary>
/// Every HttpClient whfb uses, from one <see cref="IHttpClientFactory"/> whose clients all carry the standard resilience
/// handler: a transient failure (no answer, 408, 429, 5xx, an attempt timing out) of a GET is retried after Retry-After
/// or an exponential, jittered delay. Writes (POST, PUT, PATCH, DELETE) are not retried by the handler: a rollout
/// action or a key creation that reached the service and lost its answer must not happen twice; the event upload,
/// whose chunks may be posted again, retries them itself (<see cref="Events.EventUploader"/>).
/// </summary>
internal static class CliHttp
{
    private static readonly Lazy<IHttpClientFactory> Factory = new(() =>
        AddClients(new ServiceCollection()).BuildServiceProvider().GetRequiredService<IHttpClientFactory>());

    /// <summary>A client of <paramref name="profile"/>, at <paramref name="baseAddress"/>, with the Authorization given.</summary>
    public static HttpClient Create(CliClient profile, Uri? baseAddress = null, AuthenticationHeaderValue? authorization = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var http = Factory.Value.CreateClient(profile.Name);
        http.BaseAddress = baseAddress;
        http.DefaultRequestHeaders.Authorization = authorization;
        return http;
    }

    /// <summary>The named clients of every <see cref="CliClient"/> profile (tests register them in their own container).</summary>
    internal static IServiceCollection AddClients(IServiceCollection services)
    {
        foreach (var profile in CliClient.All)
        {
            services.AddHttpClient(profile.Name, http => http.Timeout = Timeout.InfiniteTimeSpan)
                .AddHttpMessageHandler(() => new RejectionAsHttpError())
                .AddStandardResilienceHandler(o =>
                {
                    o.AttemptTimeout.Timeout = profile.AttemptTimeout;
                    o.TotalRequestTimeout.Timeout = profile.TotalTimeout;
                    o.CircuitBreaker.SamplingDuration = 2 * profile.AttemptTimeout;
                    o.Retry.Delay = profile.FirstRetryDelay;
                    o.Retry.DisableForUnsafeHttpMethods();
                });
        }

        return services;
    }

    /// <summary>
    /// The handler's timeouts and open circuit as the exceptions HttpClient itself throws, which whfb's commands already
    /// turn into one readable line: a timeout as <see cref="TaskCanceledException"/>, an open circuit as <see cref="HttpRequestException"/>.
    /// </summary>
    private sealed class RejectionAsHttpError : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (Polly.Timeout.TimeoutRejectedException ex)
            {
                throw new TaskCanceledException($"{request.RequestUri}: no answer within {ex.Timeout.TotalSeconds:0.#} s", new TimeoutException(ex.Message, ex));
            }
            catch (ExecutionRejectedException ex)
            {
                throw new HttpRequestException($"{request.RequestUri}: {ex.Message}", ex);
            }
        }
    }
}

/// <summary>
/// How long one attempt of a kind of call may take (the timeouts the commands had before), all attempts together
/// (twice that), and the first retry's delay.
/// </summary>
internal sealed record CliClient(string Name, TimeSpan AttemptTimeout, TimeSpan FirstRetryDelay)
{
    /// <summary><c>whfb status</c>: quick retries, so that a service that is down is reported as such within the probe's timeout.</summary>
    public static readonly CliClient Probe = new("probe", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));

    /// <summary>Reads and small writes: SyncTracker, Ingest's admin API, the demo summary's sources.</summary>
    public static readonly CliClient Api = new("api", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));

    /// <summary>Event chunks posted to Ingest.</summary>
    public static readonly CliClient Upload = new("upload", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2));

    /// <summary>The Policy service's rollout API.</summary>
    public static readonly CliClient Rollouts = new("rollouts", TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(2));

    /// <summary>Insights' reports and CSV exports.</summary>
    public static readonly CliClient Reports = new("reports", TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2));

    public static IReadOnlyList<CliClient> All { get; } = [Probe, Api, Upload, Rollouts, Reports];

    public TimeSpan TotalTimeout => 2 * AttemptTimeout;
}
