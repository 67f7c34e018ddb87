namespace Whfb.DeviceReports.Normalization;

/// <summary>A label a rendered message may hold as <c>Label: value</c>; <see cref="ToEnd"/> values may span lines.</summary>
internal readonly record struct MessageLabel(string Text, bool ToEnd = false);

/// <summary>
/// Finds <c>Label: value</c> pairs in a rendered event message, whether each sits on its own line
/// or all share one line (older single-line renderings). When any label starts a line, only labels
/// that start a line count: a value then runs to the end of its line whatever it holds ("Exit code:
/// Unknown HResult Error code: 0x801c03ed" is one value, not two). Otherwise a value runs to the next
/// known label. Labels match case-insensitively, with or without spaces before the colon, and only at
/// a word start, so "UPN" never matches inside JSON such as <c>"upn":</c>.
/// </summary>
internal static class LabeledText
{
    public static Dictionary<string, string> Parse(string? text, ReadOnlySpan<MessageLabel> labels)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(text))
            return values;

        Span<(int LabelStart, int ValueStart, int Label)> found = stackalloc (int, int, int)[labels.Length];
        var count = 0;
        var lineStarts = false;
        foreach (var label in labels)
            lineStarts |= TryFind(text, label.Text, lineStart: true, out _, out _);
        for (var i = 0; i < labels.Length; i++)
        {
            if (TryFind(text, labels[i].Text, lineStarts, out var labelStart, out var valueStart))
                found[count++] = (labelStart, valueStart, i);
        }

        found = found[..count];
        found.Sort((a, b) => a.LabelStart.CompareTo(b.LabelStart));
        for (var k = 0; k < found.Length; k++)
        {
            var (_, valueStart, label) = found[k];
            var end = k + 1 < found.Length ? Math.Max(valueStart, found[k + 1].LabelStart) : text.Length;
            if (!labels[label].ToEnd)
            {
                var lineEnd = text.IndexOf('\n', valueStart, end - valueStart);
                end = lineEnd < 0 ? end : lineEnd;
            }

            var value = text.AsSpan(valueStart, end - valueStart).Trim();
            if (!value.IsEmpty)
                values.TryAdd(labels[label].Text, value.ToString());
        }

        return values;
    }

    private static bool TryFind(string text, string label, bool lineStart, out int labelStart, out int valueStart)
    {
        for (var from = 0; from < text.Length;)
        {
            labelStart = text.IndexOf(label, from, StringComparison.OrdinalIgnoreCase);
            if (labelStart < 0)
                break;
            valueStart = labelStart + label.Length;
            while (valueStart < text.Length && text[valueStart] is ' ' or '\t')
                valueStart++;
            var starts = lineStart ? IsLineStart(text, labelStart) : IsWordStart(text, labelStart);
            if (starts && valueStart < text.Length && text[valueStart] == ':')
            {
                valueStart++;
                return true;
            }

            from = labelStart + 1;
        }

        labelStart = valueStart = -1;
        return false;
    }

    private static bool IsLineStart(string text, int index)
    {
        while (index > 0 && text[index - 1] is ' ' or '\t')
            index--;
        return index == 0 || text[index - 1] is '\n' or '\r';
    }

    private static bool IsWordStart(string text, int index) =>
        index == 0 || char.IsWhiteSpace(text[index - 1]) || text[index - 1] is '.' or ',' or ';';
}
