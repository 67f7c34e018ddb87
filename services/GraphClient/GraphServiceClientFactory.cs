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
        var handlers = Microsoft.Graph.GraphClientFactory.CreateDefaultHandlers();
        configureHandlers?.Invoke(handlers);
        var httpClient = Microsoft.Graph.GraphClientFactory.Create(
            handlers, version: "v1.0", proxy: null, finalHandler: pin?.CreateHandler());
        return new GraphServiceClient(httpClient, authProvider, options.BaseUrl.ToString().TrimEnd('/'));
    }

    public static ClientSecretCredential CreateCredential(GraphConnectionOptions options, CertificatePin? pin = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var credentialOptions = new ClientSecretCredentialOptions
        {
            AuthorityHost = options.AuthorityHost,
            // Otherwise MSAL asks the public cloud for instance metadata first (slow or failing offline).
            DisableInstanceDiscovery = !options.AuthorityHost.Host.EndsWith("microsoftonline.com", StringComparison.OrdinalIgnoreCase),
        };
        if (pin is not null)
        {
            credentialOptions.Transport = new HttpClientTransport(pin.CreateHandler());
        }

        return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret, credentialOptions);
    }
}
