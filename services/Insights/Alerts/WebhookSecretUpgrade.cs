using Npgsql;

namespace Whfb.Insights.Alerts;

/// <summary>At start, encrypts webhook secrets that an earlier version stored in clear.</summary>
public sealed partial class WebhookSecretUpgrade(NpgsqlDataSource dataSource, WebhookSecrets secrets, ILogger<WebhookSecretUpgrade> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clear = new List<(Guid Id, string Secret)>();
        await using (var select = dataSource.CreateCommand("SELECT id, secret FROM webhooks WHERE secret NOT LIKE 'dp1:%'"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                clear.Add((reader.GetGuid(0), reader.GetString(1)));
            }
        }

        foreach (var (id, secret) in clear)
        {
            await using var update = dataSource.CreateCommand("UPDATE webhooks SET secret = $1 WHERE id = $2 AND secret = $3");
            update.Parameters.Add(new NpgsqlParameter { Value = secrets.Protect(secret) });
            update.Parameters.Add(new NpgsqlParameter { Value = id });
            update.Parameters.Add(new NpgsqlParameter { Value = secret });
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (clear.Count > 0)
        {
            LogUpgraded(logger, clear.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Count} webhook secrets stored in clear by an earlier version")]
    private static partial void LogUpgraded(ILogger logger, int count);
}
