using System.Globalization;
using System.Text.RegularExpressions;
using Ride.Engines;

namespace Ride.Workload;

/// <summary>
/// Parses PgBouncer's log ('2026-12-03 09:08:41.568 UTC [pid] LOG C-0x…: db/user@unix(…):6432 message') into the
/// lines a server log gives. Its debug chatter is left out, except the console's queries, which become the admin's
/// statements in the console database (only the operator is an admin, so they are the operator's evidence).
/// </summary>
public static partial class PoolerLogParser
{
    private const string AdminQuery = "got admin query: ";

    [GeneratedRegex(@"^(?<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?) (?<zone>\w+) \[(?<pid>\d+)\] (?<level>[A-Z]+) (?<message>.*)$")]
    private static partial Regex Line();

    /// <summary>'C-0x…: db/user@address message' or 'S-0x…: db/user@address message': a client's or a server connection's line.</summary>
    [GeneratedRegex(@"^(?<side>[CS])-0x[0-9a-f]+: (?<db>[^/\s]*)/(?<user>[^@\s]*)@\S+ (?<message>.*)$")]
    private static partial Regex Connection();

    public static IReadOnlyList<ServerLogLine> Parse(IEnumerable<string> lines, string? admin)
    {
        var entries = new List<ServerLogLine>();
        foreach (var raw in lines)
        {
            var match = Line().Match(raw.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var time = DateTime.TryParseExact(match.Groups["time"].Value, new[] { "yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd HH:mm:ss" }, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                ? new DateTimeOffset(parsed, TimeSpan.Zero)
                : (DateTimeOffset?)null;
            var pid = int.TryParse(match.Groups["pid"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : (int?)null;
            var level = match.Groups["level"].Value;
            var message = match.Groups["message"].Value;
            if (level == "DEBUG")
            {
                if (message.StartsWith(AdminQuery, StringComparison.Ordinal))
                {
                    entries.Add(new ServerLogLine(time, pid, admin, PgBouncer.ConsoleDatabase, "", "LOG", "statement: " + message[AdminQuery.Length..]));
                }

                continue;
            }

            var connection = Connection().Match(message);
            entries.Add(connection.Success
                ? new ServerLogLine(time, pid, connection.Groups["user"].Value, connection.Groups["db"].Value, "", level, connection.Groups["message"].Value,
                    connection.Groups["side"].Value == "S" ? "server connection" : null)
                : new ServerLogLine(time, pid, ServerLogParser.ServerUser, null, "pgbouncer", level, message, "pgbouncer"));
        }

        return entries;
    }

    /// <summary>A node's log, parsed the way its kind of node writes it.</summary>
    public static IReadOnlyList<ServerLogLine> ParseFor(NodeRecord node, IEnumerable<string> lines) =>
        node.Role == NodeRole.Pooler ? Parse(lines, node.PoolerAdmin) : ServerLogParser.Parse(lines);
}
