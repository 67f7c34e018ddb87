using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;

namespace Whfb.GraphClient;

/// <summary>
/// Builds a <see cref="GraphServiceClient"/> that authenticates with client credentials against the
/// configured authority and sends its token to the configured Graph host (not only Graph's own hosts: the
/// SDK's default allowed hosts would silently drop the token for an emulator).
/// </summary>
public static class GraphServiceClientFactory
{
    /// <param name="options">Where and as which app.</param>
    /// <param name="configureHandlers">
    /// Optional: change the SDK's default middleware list (first = outermost) before the pipeline is built, e.g. replace
    /// the retry handler's options or append a handler that sees every attempt on the wire.
    /// </param>
    public static GraphServiceClient Create(GraphConnectionOptions options, Action<IList<DelegatingHandler>>? configureHandlers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pin = CertificatePin.From(options);
        var credential = CreateCredential(options, pin);
        var authProvider = new AzureIdentityAuthenticationProvider(
            credential, allowedHosts: [options.BaseUrl.Host], observabilityOptions: null, isCaeEnabled: true, scopes: [options.Scope]);
        // No Microsoft.Extensions.Http.Resilience handler here: the SDK's default handlers already retry 429/503/504
        // after Retry-After (RetryHandler) and the services tune that handler (Policy's IntuneGraph); a second retry
        // layer would multiply attempts against Graph's throttling. Azure.Identity retries token requests itself.
        var handlers = Microsoft.Graph.GraphClientFactory.CreateDefaultHandlers();
        configureHandlers?.Invoke(handlers);
        var httpClient = Microsoft.Graph.GraphClientFactory.Create(
            handlers, version: "v1.0", proxy: null, finalHandler: pin?.CreateHandler());
        return new GraphServiceClient(httpClient, authProvider, options.BaseUrl.ToString().TrimEnd('/'));
    }

    /// <summary>The app's credential: a certificate (client assertion) or a client secret, against the configured authority.</summary>
    public static TokenCredential CreateCredential(GraphConnectionOptions options, CertificatePin? pin = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var transport = pin is null ? null : new HttpClientTransport(pin.CreateHandler());
        if (options.ClientCertificate is { } certificate)
        {
            var certificateOptions = Configure(new ClientCertificateCredentialOptions(), options, transport);
            certificateOptions.SendCertificateChain = options.SendCertificateChain;
            return new ClientCertificateCredential(options.TenantId, options.ClientId, certificate, certificateOptions);
        }

        return new ClientSecretCredential(options.TenantId, options.ClientId,
            options.ClientSecret ?? throw new ArgumentException("Neither a client certificate nor a client secret is set.", nameof(options)),
            Configure(new ClientSecretCredentialOptions(), options, transport));
    }

    private static T Configure<T>(T credentialOptions, GraphConnectionOptions options, HttpClientTransport? transport)
        where T : TokenCredentialOptions
    {
        credentialOptions.AuthorityHost = options.AuthorityHost;
        if (transport is not null)
        {
            credentialOptions.Transport = transport;
        }

        // Otherwise MSAL asks the public cloud for instance metadata first (slow or failing offline).
        var offCloud = !options.AuthorityHost.Host.EndsWith("microsoftonline.com", StringComparison.OrdinalIgnoreCase);
        switch (credentialOptions)
        {
            case ClientCertificateCredentialOptions certificate:
                certificate.DisableInstanceDiscovery = offCloud;
                break;
            case ClientSecretCredentialOptions secret:
                secret.DisableInstanceDiscovery = offCloud;
                break;
        }

        return credentialOptions;
    }
}
