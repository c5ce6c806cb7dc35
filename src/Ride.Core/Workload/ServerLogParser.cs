using System.Globalization;
using System.Text.RegularExpressions;

namespace Ride.Workload;

/// <summary>
/// One line of a PostgreSQL server log, parsed from Ride's log_line_prefix. Every line says who logged it: a client's
/// user and application, or, for the server's own processes, ServerLogParser.ServerUser and the kind of process.
/// </summary>
public sealed record ServerLogLine(DateTimeOffset? Time, int? Pid, string? User, string? Database, string? ApplicationName, string Level, string Message,
    string? BackendType = null);

/// <summary>
/// Parses server logs written with Ride's log_line_prefix ('%m [%p] [%b] %u@%d app=%a '); continuation lines join the
/// entry before them. A client's lines logged before it said who it is (a connection refused early, a probe that
/// never finished its startup packet) take the identity its later lines give; lines of the server's own processes,
/// and the server's console output before the log starts, are attributed to the server.
/// </summary>
public static partial class ServerLogParser
{
    /// <summary>The user of lines no client logged.</summary>
    public const string ServerUser = "(server)";

    /// <summary>The user and application of a client that went away before it said who it was.</summary>
    public const string UnknownClient = "(unidentified client)";

    /// <summary>The application of console lines around the server log (the container's entrypoint, initdb).</summary>
    public const string Console = "(console)";

    private const string ClientBackend = "client backend";

    [GeneratedRegex(@"^(?<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?( \w+)?) \[(?<pid>\d+)\] (?:\[(?<type>[^\]]*)\] )?(?:(?<user>[^@\s]*)@(?<db>\S*) app=(?<app>.*?) )?(?<level>[A-Z]+):\s+(?<message>.*)$")]
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
                    Known(match.Groups["user"]),
                    Known(match.Groups["db"]),
                    Known(match.Groups["app"]),
                    match.Groups["level"].Value,
                    match.Groups["message"].Value,
                    Nullable(match.Groups["type"])));
            }
            else if (entries.Count > 0 && (line.StartsWith('\t') || line.StartsWith(' ')))
            {
                // Continuation lines (a multi-line statement, a DETAIL) belong to the entry before them.
                entries[^1] = entries[^1] with { Message = entries[^1].Message + "\n" + line.Trim() };
            }
            else if (line.Length > 0)
            {
                entries.Add(new ServerLogLine(null, null, ServerUser, null, Console, "LOG", line));
            }
        }

        return Attribute(entries);
    }

    /// <summary>Gives every line a user and an application: the client's (from its own later lines when it logged before saying), or the server's.</summary>
    private static IReadOnlyList<ServerLogLine> Attribute(List<ServerLogLine> entries)
    {
        var identities = new Dictionary<int, ServerLogLine>();
        var applications = new Dictionary<int, string>();
        foreach (var entry in entries)
        {
            if (entry.Pid is { } pid && entry.User is not null)
            {
                identities.TryAdd(pid, entry);
                if (entry.ApplicationName is { } application)
                {
                    applications.TryAdd(pid, application);
                }
            }
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.User is not null && entry.ApplicationName is not null)
            {
                continue;
            }

            var client = entry.BackendType is null or ClientBackend && entry.Pid is not null;
            if (client && entry.Pid is { } pid && identities.TryGetValue(pid, out var known))
            {
                entries[i] = entry with
                {
                    User = entry.User ?? known.User,
                    Database = entry.Database ?? known.Database,
                    ApplicationName = entry.ApplicationName ?? applications.GetValueOrDefault(pid, ""),
                };
            }
            else if (entry.BackendType is { } type && type != ClientBackend)
            {
                entries[i] = entry with { User = entry.User ?? ServerUser, ApplicationName = entry.ApplicationName ?? type };
            }
            else if (client && entry.User is null)
            {
                entries[i] = entry with { User = UnknownClient, ApplicationName = entry.ApplicationName ?? UnknownClient };
            }
            else
            {
                entries[i] = entry with { ApplicationName = entry.ApplicationName ?? "" };
            }
        }

        return entries;
    }

    /// <summary>A prefix field, or null when the server did not know it yet ('[unknown]') or left it empty.</summary>
    private static string? Known(Group group) => Nullable(group) is { } value && value != "[unknown]" ? value : null;

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
