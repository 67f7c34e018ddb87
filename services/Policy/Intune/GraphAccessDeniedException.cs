using Whfb.GraphClient.Access;

namespace Whfb.Policy.Intune;

/// <summary>
/// Graph refused a feature for good (the app lacks a permission, or the tenant a licence): the action stops here, since
/// retrying changes nothing until an admin grants what <see cref="Remedy"/> names.
/// </summary>
public sealed class GraphAccessDeniedException : Exception
{
    public GraphAccessDeniedException(GraphFeature feature, GraphDenial denial, Exception? inner = null)
        : base(Describe(feature, denial), inner) => (Feature, Denial) = (feature, denial);

    public GraphFeature Feature { get; }

    public GraphDenial Denial { get; }

    /// <summary>What to grant: the feature's least privileged permission, or the licence it lacks.</summary>
    public IReadOnlyList<string> Remedy => new MissingAccess(Feature, Denial, default).Remedy;

    private static string Describe(GraphFeature feature, GraphDenial denial) =>
        $"Graph refused {feature.Name} ({feature.Purpose}): the Policy app needs {string.Join(" or ", new MissingAccess(feature, denial, default).Remedy)}. "
        + $"Graph said {denial.Code}: {denial.Message}";
}
