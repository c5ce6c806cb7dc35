namespace Ride.Common;

/// <summary>Small text helpers for messages.</summary>
public static class Text
{
    /// <summary>The last lines of a (log) text, for error messages.</summary>
    public static string Tail(string text, int lines = 15)
    {
        var all = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)).Select(l => l.TrimEnd('\r'))).Trim();
    }

    /// <summary>A statement or message on one line, cut to a length, for evidence and errors.</summary>
    public static string OneLine(string text, int max = int.MaxValue)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= max ? line : line[..(max - 3)] + "...";
    }

    /// <summary>Non-empty lines, without carriage returns.</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList();
}
