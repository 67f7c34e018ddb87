using System.Diagnostics;

namespace Whfb.Testing.Fuzzing;

/// <summary>What fuzzing one target found: inputs tried, exceptions that escaped (with their first inputs), the slowest input.</summary>
public sealed record FuzzResult(string Target, long Inputs, long Bytes, IReadOnlyList<(Exception Error, byte[] Input)> Escaped,
    TimeSpan Slowest, byte[] SlowestInput, TimeSpan Total)
{
    public int SlowestLength => SlowestInput.Length;
}

/// <summary>Runs mutated inputs through a target and records every exception that escapes it and the slowest input.</summary>
public static class FuzzRun
{
    public static FuzzResult Run(FuzzTarget target, long inputs, int seed)
    {
        ArgumentNullException.ThrowIfNull(target);
        var mutator = new Mutator(target, seed);
        var escaped = new List<(Exception, byte[])>();
        var (slowest, slowestInput, bytes) = (0L, Array.Empty<byte>(), 0L);
        var total = Stopwatch.StartNew();
        for (long i = 0; i < inputs; i++)
        {
            var input = mutator.Next();
            bytes += input.Length;
            var started = Stopwatch.GetTimestamp();
            try
            {
                target.Run(input);
            }
            catch (Exception e)
            {
                if (escaped.Count < 5)
                {
                    escaped.Add((e, input));
                }
            }

            var elapsed = Stopwatch.GetTimestamp() - started;
            if (elapsed > slowest)
            {
                (slowest, slowestInput) = (elapsed, input);
            }
        }

        return new FuzzResult(target.Name, inputs, bytes, escaped, Stopwatch.GetElapsedTime(0, slowest), slowestInput, total.Elapsed);
    }
}
