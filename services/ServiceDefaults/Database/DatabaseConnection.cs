using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Whfb.ServiceDefaults.Database;

/// <summary>
/// Each service owns one database. <c>ConnectionStrings:&lt;service&gt;db</c> names it fully; otherwise the server
/// in <c>ConnectionStrings:postgres</c> is used with the database <c>whfb_&lt;service&gt;</c>.
/// </summary>
public static class DatabaseConnection
{
    public static string Resolve(IConfiguration configuration, string serviceName)
    {
        var own = configuration.GetConnectionString($"{serviceName}db");
        if (!string.IsNullOrWhiteSpace(own))
        {
            return own;
        }

        var server = configuration.GetConnectionString("postgres")
            ?? throw new InvalidOperationException($"Neither ConnectionStrings:{serviceName}db nor ConnectionStrings:postgres is set");
        var builder = new NpgsqlConnectionStringBuilder(server);
        if (string.IsNullOrEmpty(builder.Database) || builder.Database == "postgres")
        {
            builder.Database = $"whfb_{serviceName}";
        }

        return builder.ConnectionString;
    }
}
