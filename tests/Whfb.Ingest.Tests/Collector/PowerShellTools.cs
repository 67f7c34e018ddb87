using Whfb.Testing;

namespace Whfb.Ingest.Tests.Collector;

/// <summary>
/// PowerShell 7.6.9 (the dotnet tool) and Pester 5.7.1 (a NuGet PackageDownload) under .local/tools, installed on first
/// use: the collector's tests run on Linux without PSGallery.
/// </summary>
internal static class PowerShellTools
{
    public const string PowerShellVersion = "7.6.9";
    public const string PesterVersion = "5.7.1";

    private static readonly string Tools = Path.Combine(RepositoryPaths.Root, ".local", "tools");
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string Pwsh => Path.Combine(Tools, "pwsh", "pwsh");

    public static string PesterModule => Path.Combine(Tools, "pester", "pester", PesterVersion, "tools", "Pester.psd1");

    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(Pwsh))
                await ExternalProcess.RunCheckedAsync("dotnet", ["tool", "install", "--tool-path", Path.GetDirectoryName(Pwsh)!, "PowerShell", "--version", PowerShellVersion]);
            if (!File.Exists(PesterModule))
                await RestorePesterAsync();
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task RestorePesterAsync()
    {
        var project = Path.Combine(Tools, "pester-restore");
        System.IO.Directory.CreateDirectory(project);
        await File.WriteAllTextAsync(Path.Combine(project, "pester-restore.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageDownload Include="Pester" Version="[{PesterVersion}]" />
              </ItemGroup>
            </Project>
            """);
        await ExternalProcess.RunCheckedAsync("dotnet", ["restore", project, "--packages", Path.Combine(Tools, "pester")]);
    }
}
