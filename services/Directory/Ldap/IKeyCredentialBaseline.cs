namespace Whfb.Directory.Ldap;

/// <summary>The values the caller last knew per user, looked up one page at a time for the diff.</summary>
public interface IKeyCredentialBaseline
{
    /// <summary>Previously known DN-Binary values of these users; users it does not know may be left out.</summary>
    ValueTask<IReadOnlyDictionary<Guid, IReadOnlyCollection<string>>> GetValuesAsync(
        IReadOnlyCollection<Guid> objectGuids, CancellationToken cancellationToken);
}
