namespace Whfb.Testing.Fuzzing;

/// <summary>
/// A parser under fuzzing: valid inputs to mutate, tokens its grammar cares about (for insertions), and one call that
/// must never throw, whatever the bytes. <see cref="Families"/> are adversarial shapes at a given size, for the
/// linear-time check (each grows one structure the parser has to walk).
/// </summary>
public sealed record FuzzTarget(
    string Name,
    IReadOnlyList<byte[]> Corpus,
    IReadOnlyList<byte[]> Tokens,
    Action<byte[]> Run,
    IReadOnlyList<(string Name, Func<int, byte[]> Build)> Families)
{
    /// <summary>The thread CPU time one input takes; an exception it throws is the fuzz run's to report, not the timer's.</summary>
    public TimeSpan CpuTimeOf(byte[] input) => ThreadCpu.Measure(() =>
    {
        try
        {
            Run(input);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // reported by FuzzRun
        }

        return 0;
    }).Cpu;
}
