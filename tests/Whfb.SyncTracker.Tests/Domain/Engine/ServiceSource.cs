namespace Whfb.SyncTracker.Tests.Domain.Engine;

/// <summary>The SyncTracker service's files in the repository, found from the test binaries upwards.</summary>
internal static class ServiceSource
{
    public static string Directory { get; } = Find();

    /// <summary>The service's C# sources, without build output.</summary>
    public static IEnumerable<string> CSharpFiles() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "services", "SyncTracker");
            if (File.Exists(Path.Combine(candidate, "Whfb.SyncTracker.csproj")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("services/SyncTracker not found above " + AppContext.BaseDirectory);
    }
}
