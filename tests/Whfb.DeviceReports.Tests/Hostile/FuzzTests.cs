using Whfb.Testing.Fuzzing;
using Xunit.Abstractions;

namespace Whfb.DeviceReports.Tests.Hostile;

/// <summary>
/// The short run of the parser fuzzer (the <c>security</c> benchmark mode runs a million inputs per parser): mutated
/// samples never make an exception escape, and no adversarial shape makes a parser's work grow faster than linearly.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    public static TheoryData<string> Targets => [.. ParserTargets.All().Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Mutated_inputs_never_make_an_exception_escape(string name)
    {
        var result = FuzzRun.Run(ParserTargets.All().Single(t => t.Name == name), 3_000, seed: 20261207);

        output.WriteLine($"{result.Inputs} inputs, {result.Bytes:N0} bytes, slowest {result.Slowest.TotalMilliseconds:N1} ms ({result.SlowestLength:N0} bytes)");
        Assert.True(result.Escaped.Count == 0, string.Join("\n", result.Escaped.Select(e => e.Error.ToString())));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void No_adversarial_shape_grows_faster_than_linearly(string name)
    {
        var target = ParserTargets.All().Single(t => t.Name == name);
        foreach (var (family, build) in target.Families)
        {
            var growth = LinearTime.Measure(target, family, build, 64 * 1024);

            output.WriteLine($"{family}: {growth.SmallBytes:N0} B {growth.Small.TotalMilliseconds:N1} ms, {growth.LargeBytes:N0} B {growth.Large.TotalMilliseconds:N1} ms, exponent {growth.Exponent:N2}");
            Assert.True(growth.IsLinear, $"{name} / {family} grows with exponent {growth.Exponent:N2} to {growth.Large.TotalMilliseconds:N1} ms");
        }
    }
}
