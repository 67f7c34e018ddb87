using System.Data.Common;

namespace Whfb.Insights.History;

internal static class ReaderExtensions
{
    public static T? Opt<T>(this DbDataReader r, int i) where T : class => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);

    public static T? Val<T>(this DbDataReader r, int i) where T : struct => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);
}
