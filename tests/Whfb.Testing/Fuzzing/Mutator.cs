namespace Whfb.Testing.Fuzzing;

/// <summary>
/// Seeded byte-level mutations of corpus inputs (flip, insert, delete, repeat a span, splice another input, insert a
/// grammar token), stacked a few at a time, plus purely random inputs; the same seed gives the same inputs.
/// </summary>
public sealed class Mutator(FuzzTarget target, int seed)
{
    private readonly Random random = new(seed);

    public byte[] Next()
    {
        if (random.Next(20) == 0)
        {
            var noise = new byte[random.Next(0, 512)];
            random.NextBytes(noise);
            return noise;
        }

        var input = new List<byte>(target.Corpus[random.Next(target.Corpus.Count)]);
        for (var steps = 1 + random.Next(4); steps > 0; steps--)
        {
            Mutate(input);
        }

        return [.. input];
    }

    private void Mutate(List<byte> input)
    {
        var at = random.Next(input.Count + 1);
        switch (random.Next(7))
        {
            case 0 when input.Count > 0:
                input[Math.Min(at, input.Count - 1)] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                input.Insert(at, (byte)random.Next(256));
                break;
            case 2 when input.Count > 0:
                input.RemoveRange(Math.Min(at, input.Count - 1), Math.Min(random.Next(1, 64), input.Count - Math.Min(at, input.Count - 1)));
                break;
            case 3 when input.Count > 0:
                var start = random.Next(input.Count);
                var span = input.GetRange(start, Math.Min(random.Next(1, 32), input.Count - start));
                for (var times = random.Next(1, 50); times > 0; times--)
                {
                    input.InsertRange(at, span);
                }

                break;
            case 4:
                var other = target.Corpus[random.Next(target.Corpus.Count)];
                var from = random.Next(other.Length + 1);
                input.InsertRange(at, other.Skip(from).Take(random.Next(1, 256)));
                break;
            default:
                input.InsertRange(at, target.Tokens[random.Next(target.Tokens.Count)]);
                break;
        }
    }
}
