using System.Text;
using System.Text.RegularExpressions;

namespace Whfb.ServiceDefaults.Tests.Observability;

public enum InstrumentKind
{
    Counter,
    Histogram,
    Gauge,
}

/// <summary>An instrument as the code declares it: the OpenTelemetry name and unit, before Prometheus' naming.</summary>
public sealed record Instrument(InstrumentKind Kind, string Name, string? Unit, string Source);

/// <summary>
/// The instruments the services' source declares (<c>meter.CreateCounter&lt;long&gt;("name", "unit", ...)</c> and the
/// other Create* methods), read from the .cs files, so a new metric is known without a list to keep in step.
/// </summary>
public static partial class DeclaredInstruments
{
    public static IReadOnlyList<Instrument> In(string servicesDirectory)
    {
        var files = System.IO.Directory.EnumerateFiles(servicesDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => f, File.ReadAllText);
        var constants = files.SelectMany(f => Constant().Matches(f.Value).Select(m => (File: f.Key, Name: m.Groups[1].Value, Value: m.Groups[2].Value)))
            .ToList();
        var instruments = new List<Instrument>();
        foreach (var (file, text) in files)
        {
            foreach (Match call in CreateCall().Matches(text))
            {
                var arguments = Arguments(text, call.Index + call.Length);
                var observable = call.Groups["observable"].Success;
                var kind = call.Groups["kind"].Value switch
                {
                    "Counter" => InstrumentKind.Counter,
                    "Histogram" => InstrumentKind.Histogram,
                    _ => InstrumentKind.Gauge,
                };
                var source = $"{Path.GetFileName(file)}:{text[..call.Index].Count(c => c == '\n') + 1}";
                var name = Argument(arguments, "name", 0) is { } n ? Resolve(n, file, constants, source) : throw new InvalidOperationException($"{source}: no name");
                // Observable instruments take their callback second, then the unit.
                var unit = Argument(arguments, "unit", observable ? 2 : 1) is { } u ? Resolve(u, file, constants, source) : null;
                instruments.Add(new Instrument(kind, name, unit, source));
            }
        }

        return instruments;
    }

    private static string? Argument(IReadOnlyList<string> arguments, string parameter, int position)
    {
        var named = arguments.FirstOrDefault(a => a.StartsWith(parameter + ":", StringComparison.Ordinal));
        if (named is not null)
        {
            return named[(parameter.Length + 1)..].Trim();
        }

        var positional = arguments.TakeWhile(a => !NamedArgument().IsMatch(a)).ToList();
        return position < positional.Count ? positional[position] : null;
    }

    // A string literal, or a constant (possibly qualified: DirectoryMetrics.Reachable) declared in the same file or,
    // failing that, in exactly one file.
    private static string Resolve(string expression, string file, List<(string File, string Name, string Value)> constants, string source)
    {
        if (StringLiteral().Match(expression) is { Success: true } literal)
        {
            return literal.Groups[1].Value;
        }

        var identifier = expression.Split('.')[^1];
        var candidates = constants.Where(c => c.Name == identifier).ToList();
        var local = candidates.Where(c => c.File == file).ToList();
        var chosen = local.Count == 1 ? local : candidates;
        return chosen.Count == 1
            ? chosen[0].Value
            : throw new InvalidOperationException($"{source}: cannot resolve '{expression}' to one string constant");
    }

    // The top-level arguments of the call whose '(' ends at `start`, split at commas outside strings and brackets.
    private static List<string> Arguments(string text, int start)
    {
        var arguments = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                var end = i + 1;
                while (text[end] != '"')
                {
                    end += text[end] == '\\' ? 2 : 1;
                }

                current.Append(text, i, end - i + 1);
                i = end;
                continue;
            }

            if (depth == 0 && (c == ',' || c == ')'))
            {
                arguments.Add(current.ToString().Trim());
                current.Clear();
                if (c == ')')
                {
                    return arguments;
                }

                continue;
            }

            depth += c is '(' or '[' or '{' ? 1 : c is ')' or ']' or '}' ? -1 : 0;
            current.Append(c);
        }

        throw new InvalidOperationException("unterminated call");
    }

    [GeneratedRegex(@"\bCreate(?<observable>Observable)?(?<kind>Counter|UpDownCounter|Histogram|Gauge)(?:<[^>()]+>)?\(")]
    private static partial Regex CreateCall();

    [GeneratedRegex(@"const\s+string\s+(\w+)\s*=\s*""([^""]*)""\s*;")]
    private static partial Regex Constant();

    [GeneratedRegex(@"^""((?:[^""\\]|\\.)*)""$")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^\w+:(?!:)")]
    private static partial Regex NamedArgument();
}
