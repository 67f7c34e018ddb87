using System.CommandLine;
using Whfb.Cli.KeyCredentials;

namespace Whfb.Cli.Commands;

/// <summary>
/// <c>whfb keycredential decode [VALUE...]</c>: msDS-KeyCredentialLink values (DN-Binary, hex or base64 of the blob)
/// as arguments or one per line on stdin; one JSON object per value; exit code 1 if any value failed.
/// </summary>
public static class KeyCredentialCommand
{
    public static Command Create()
    {
        var values = new Argument<string[]>("values") { Description = "Values to decode; none reads one per line from stdin", Arity = ArgumentArity.ZeroOrMore };
        var decode = new Command("decode", "Decode msDS-KeyCredentialLink values to JSON Lines") { values };
        decode.SetAction(async (parse, ct) =>
        {
            var inputs = parse.GetValue(values) is { Length: > 0 } given ? given : await ReadLinesAsync(Console.In, ct);
            var failures = 0;
            var line = 0;
            foreach (var input in inputs)
            {
                line++;
                if (string.IsNullOrWhiteSpace(input))
                {
                    continue;
                }

                var output = KeyCredentialJson.Decode(input.Trim(), line);
                failures += output.Failed ? 1 : 0;
                await Console.Out.WriteLineAsync(output.Json);
            }

            return failures == 0 ? 0 : 1;
        });
        return new Command("keycredential", "msDS-KeyCredentialLink tools") { decode };
    }

    private static async Task<string[]> ReadLinesAsync(TextReader reader, CancellationToken ct)
    {
        var lines = new List<string>();
        while (await reader.ReadLineAsync(ct) is { } l)
        {
            lines.Add(l);
        }

        return [.. lines];
    }
}
