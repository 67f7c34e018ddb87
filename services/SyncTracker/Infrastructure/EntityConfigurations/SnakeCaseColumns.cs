using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Whfb.SyncTracker.Infrastructure.EntityConfigurations;

internal static class SnakeCaseColumns
{
    /// <summary>Names every mapped column in snake_case (TenantId → tenant_id); the concurrency token stays PostgreSQL's xmin.</summary>
    public static void UseSnakeCaseColumns<T>(this EntityTypeBuilder<T> entity)
        where T : class
    {
        foreach (var property in entity.Metadata.GetProperties().Where(p => !p.IsConcurrencyToken))
        {
            property.SetColumnName(ToSnakeCase(property.Name));
        }
    }

    public static string ToSnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
