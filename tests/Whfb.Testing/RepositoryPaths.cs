namespace Whfb.Testing;

public static class RepositoryPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds WhfbPlatform.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The built DLL of a service project (e.g. "Insights"), same configuration as the running tests.</summary>
    public static string ServiceDll(string projectName) => ServiceDll(projectName, $"Whfb.{projectName}");

    /// <summary>
    /// The built <c>whfb</c>, in the CLI project's own output: a test project that references ASP.NET Core leaves out of
    /// its folder the packages that framework carries (System.Threading.RateLimiting, Microsoft.Extensions.*), and whfb
    /// runs without that framework.
    /// </summary>
    public static string WhfbDll => ServiceDll("Cli", "whfb");

    private static string ServiceDll(string projectName, string assemblyName)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(Root, "services", projectName, "bin", configuration, "net10.0", $"{assemblyName}.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build {projectName} first", dll);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WhfbPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("WhfbPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
