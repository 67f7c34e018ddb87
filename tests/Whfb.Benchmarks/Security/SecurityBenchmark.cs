using System.Globalization;
using System.Text;
using Whfb.Testing;
using Whfb.Testing.Fuzzing;

namespace Whfb.Benchmarks.Security;

/// <summary>
/// Mode <c>security</c>: fuzzes every parser of untrusted input with a million mutated inputs each (or
/// <c>--inputs N</c>), re-times the slowest inputs in thread CPU time, and checks every adversarial shape for linear
/// growth from 640 KB to 10 MB (the request limit); writes tests/Whfb.Benchmarks/results/security.md. Exit code 1 when
/// an exception escaped a parser or a shape grew faster than linearly.
/// </summary>
public static class SecurityBenchmark
{
    public const string Mode = "security";

    public static int Run(string[] args)
    {
        var inputs = args.Length >= 2 && args[0] == "--inputs" ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        var report = new StringBuilder()
            .AppendLine("### Parser fuzzing and linear time (`security` benchmark)").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {load} at start, seed 20261207, {inputs:N0} inputs per parser.").AppendLine()
            .AppendLine("Command: `dotnet run -c Release --project tests/Whfb.Benchmarks -- security`").AppendLine()
            .AppendLine("| parser | inputs | bytes | exceptions escaped | slowest input (CPU) | its size | total time |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var failed = false;
        foreach (var target in ParserTargets.All())
        {
            var result = FuzzRun.Run(target, inputs, seed: 20261207);
            var (slowest, size) = SlowestInCpu(target, result);
            failed |= result.Escaped.Count > 0;
            foreach (var (error, input) in result.Escaped)
            {
                Console.WriteLine($"{target.Name}: {error.GetType().Name}: {error.Message} (input of {input.Length} bytes, base64 {Convert.ToBase64String(input)[..Math.Min(200, input.Length * 4 / 3)]})");
            }

            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {target.Name} | {result.Inputs:N0} | {result.Bytes:N0} | {result.Escaped.Count} | {slowest.TotalMilliseconds:N1} ms | {size:N0} B | {result.Total.TotalSeconds:N0} s |");
            Console.WriteLine($"{target.Name}: {result.Inputs:N0} inputs, {result.Escaped.Count} escaped, slowest {slowest.TotalMilliseconds:N1} ms CPU");
        }

        report.AppendLine().AppendLine("| parser | adversarial shape | 640 KB | 10 MB | growth exponent (1 = linear; under 5 ms at 10 MB the shape is refused early and the exponent is noise) |").AppendLine("| --- | --- | ---: | ---: | ---: |");
        foreach (var target in ParserTargets.All())
        {
            foreach (var (family, build) in target.Families)
            {
                var growth = LinearTime.Measure(target, family, build, 640 * 1024);
                failed |= !growth.IsLinear;
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {target.Name} | {family} | {growth.Small.TotalMilliseconds:N1} ms | {growth.Large.TotalMilliseconds:N1} ms | {growth.Exponent:N2} |");
            }
        }

        Console.WriteLine(report);
        File.WriteAllText(Path.Combine(RepositoryPaths.Root, "tests", "Whfb.Benchmarks", "results", "security.md"), report.ToString());
        return failed ? 1 : 0;
    }

    /// <summary>The slowest input by wall time can be a scheduling hiccup: re-run it alone in thread CPU time.</summary>
    private static (TimeSpan Cpu, int Size) SlowestInCpu(FuzzTarget target, FuzzResult result) =>
        (target.CpuTimeOf(result.SlowestInput), result.SlowestLength);
}
