using Npgsql;

namespace Whfb.Insights.Alerts;

/// <summary>At start, encrypts webhook secrets and URLs that an earlier version stored in clear.</summary>
public sealed partial class WebhookSecretUpgrade(NpgsqlDataSource dataSource, WebhookSecrets secrets, ILogger<WebhookSecretUpgrade> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var secretsEncrypted = await EncryptAsync("secret", cancellationToken);
        var urlsEncrypted = await EncryptAsync("url", cancellationToken);
        if (secretsEncrypted + urlsEncrypted > 0)
        {
            LogUpgraded(logger, secretsEncrypted, urlsEncrypted);
        }
    }

    private async Task<int> EncryptAsync(string column, CancellationToken cancellationToken)
    {
        var clear = new List<(Guid Id, string Secret)>();
        await using (var select = dataSource.CreateCommand($"SELECT id, {column} FROM webhooks WHERE {column} NOT LIKE 'dp1:%'"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                clear.Add((reader.GetGuid(0), reader.GetString(1)));
            }
        }

        foreach (var (id, secret) in clear)
        {
            await using var update = dataSource.CreateCommand($"UPDATE webhooks SET {column} = $1 WHERE id = $2 AND {column} = $3");
            update.Parameters.Add(new NpgsqlParameter { Value = secrets.Protect(secret) });
            update.Parameters.Add(new NpgsqlParameter { Value = id });
            update.Parameters.Add(new NpgsqlParameter { Value = secret });
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return clear.Count;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Secrets} webhook secrets and {Urls} URLs stored in clear by an earlier version")]
    private static partial void LogUpgraded(ILogger logger, int secrets, int urls);
}
