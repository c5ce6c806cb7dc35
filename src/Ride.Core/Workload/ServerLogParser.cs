using System.Globalization;
using System.Text.RegularExpressions;

namespace Ride.Workload;

/// <summary>One line of a PostgreSQL server log, parsed from Ride's log_line_prefix.</summary>
public sealed record ServerLogLine(DateTimeOffset? Time, int? Pid, string? User, string? Database, string? ApplicationName, string Level, string Message);

/// <summary>Parses server logs written with Ride's log_line_prefix ('%m [%p] %q%u@%d app=%a '); continuation lines join the entry before them.</summary>
public static partial class ServerLogParser
{
    [GeneratedRegex(@"^(?<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?( \w+)?) \[(?<pid>\d+)\] (?:(?<user>[^@\s]*)@(?<db>\S*) app=(?<app>.*?) )?(?<level>[A-Z]+):\s+(?<message>.*)$")]
    private static partial Regex PrefixedLine();

    public static IReadOnlyList<ServerLogLine> Parse(IEnumerable<string> lines)
    {
        var entries = new List<ServerLogLine>();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            var match = PrefixedLine().Match(line);
            if (match.Success)
            {
                entries.Add(new ServerLogLine(
                    ParseTime(match.Groups["time"].Value),
                    int.TryParse(match.Groups["pid"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null,
                    Nullable(match.Groups["user"]),
                    Nullable(match.Groups["db"]),
                    Nullable(match.Groups["app"]),
                    match.Groups["level"].Value,
                    match.Groups["message"].Value));
            }
            else if (entries.Count > 0 && (line.StartsWith('\t') || line.StartsWith(' ')))
            {
                // Continuation lines (a multi-line statement, a DETAIL) belong to the entry before them.
                entries[^1] = entries[^1] with { Message = entries[^1].Message + "\n" + line.Trim() };
            }
            else if (line.Length > 0)
            {
                entries.Add(new ServerLogLine(null, null, null, null, null, "LOG", line));
            }
        }

        return entries;
    }

    public static bool IsError(string level) => level is "ERROR" or "FATAL" or "PANIC";

    /// <summary>What Ride itself makes the server log while settling a fix (memory context dumps), which is nobody's evidence.</summary>
    public static bool IsRideNoise(ServerLogLine line) =>
        line.Level == "LOG" && (line.Message.StartsWith("logging memory contexts of PID ", StringComparison.Ordinal)
                                || MemoryContextLine().IsMatch(line.Message));

    [GeneratedRegex(@"^(level: \d+; |Grand total: \d+ bytes in \d+ blocks)")]
    private static partial Regex MemoryContextLine();

    private static string? Nullable(Group group) => group.Success && group.Value.Length > 0 ? group.Value : null;

    /// <summary>Sandboxes log in UTC (log_timezone), so the zone name after the stamp needs no lookup.</summary>
    private static DateTimeOffset? ParseTime(string text)
    {
        var parts = text.Split(' ');
        var stamp = parts[0] + " " + parts[1];
        return DateTime.TryParseExact(stamp, new[] { "yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd HH:mm:ss" }, CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var utc)
            ? new DateTimeOffset(utc, TimeSpan.Zero)
            : null;
    }
}
