namespace Whfb.ServiceDefaults.Messaging;

/// <summary>Bound from the "RabbitMq" configuration section: how a service trusts its broker.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    /// <summary>
    /// PEM file of the CA certificates that may sign the broker's certificate (amqps:// only). Without it the
    /// operating system's trusted roots decide.
    /// </summary>
    public string? CaCertificatesFile { get; set; }

    /// <summary>
    /// Allow plain amqp:// to a broker on another host. Off by default: the service's broker password and every
    /// message (tenants' device and key events) would cross the network readable by anyone on the path.
    /// </summary>
    public bool AllowPlainText { get; set; }
}
