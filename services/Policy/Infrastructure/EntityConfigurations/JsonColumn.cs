using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Whfb.Policy.Infrastructure.EntityConfigurations;

internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Stores a value object (or a list of them) as jsonb; changes are detected by comparing the JSON text.</summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) => property
        .HasConversion(v => Write(v), s => Read<T>(s), new ValueComparer<T>((a, b) => Write(a) == Write(b), v => Write(v).GetHashCode(StringComparison.Ordinal), v => Read<T>(Write(v))))
        .HasColumnType("jsonb");

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
