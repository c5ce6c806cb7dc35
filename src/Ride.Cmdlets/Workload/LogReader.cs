using System.Globalization;
using System.Text.RegularExpressions;
using Ride.Sandbox;
using Ride.Sessions;
using Ride.Common;

namespace Ride.Workload;

public static partial class LogReader
{
    // Matches Ride's log_line_prefix: '%m [%p] %q%u@%d app=%a '.
    [GeneratedRegex(@"^(?<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?( \w+)?) \[(?<pid>\d+)\] (?:(?<user>[^@\s]*)@(?<db>\S*) app=(?<app>.*?) )?(?<level>[A-Z]+):\s+(?<message>.*)$")]
    private static partial Regex ServerLine();

    public static IReadOnlyList<RideLogEntry> ReadApp(SessionRecord state)
    {
        return AppLog.Read(RidePaths.SessionDirectory(state.SessionId)).Select(e => new RideLogEntry
        {
            SessionId = state.SessionId,
            Source = LogSource.App,
            Time = e.Time,
            Actor = e.Actor,
            ApplicationName = e.ApplicationName,
            Ok = e.Ok,
            Level = (e.Event, e.Ok) switch
            {
                ("connect", true) => "CONNECT",
                ("disconnect", _) => "DISCONNECT",
                (_, true) => "OK",
                _ => "ERROR",
            },
            SqlState = e.SqlState,
            Message = e.Message ?? (e.Event == "connect" ? $"connected (backend pid {e.BackendPid})" : $"ok in {e.DurationMs.ToString(CultureInfo.InvariantCulture)} ms"),
        }).ToList();
    }

    public static async Task<IReadOnlyList<RideLogEntry>> ReadServerAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        using var engine = await EngineFactory.ForNodeAsync(state.Primary, cancellationToken).ConfigureAwait(false);
        var lines = await engine.ReadServerLogAsync(state.Primary, cancellationToken).ConfigureAwait(false);
        var entries = new List<RideLogEntry>();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            var match = ServerLine().Match(line);
            if (!match.Success)
            {
                // Continuation lines (DETAIL, a multi-line statement) belong to the entry before them.
                if (entries.Count > 0 && (line.StartsWith('\t') || line.StartsWith(' ')))
                {
                    var last = entries[^1];
                    entries[^1] = new RideLogEntry
                    {
                        SessionId = last.SessionId, Source = last.Source, Time = last.Time, ApplicationName = last.ApplicationName,
                        Level = last.Level, Ok = last.Ok, Message = last.Message + "\n" + line.Trim(),
                    };
                }
                else if (line.Length > 0)
                {
                    entries.Add(new RideLogEntry { SessionId = state.SessionId, Source = LogSource.Server, Level = "LOG", Ok = true, Message = line });
                }

                continue;
            }

            var level = match.Groups["level"].Value;
            entries.Add(new RideLogEntry
            {
                SessionId = state.SessionId,
                Source = LogSource.Server,
                Time = ParseTime(match.Groups["time"].Value),
                ApplicationName = match.Groups["app"].Success && match.Groups["app"].Value.Length > 0 ? match.Groups["app"].Value : null,
                Level = level,
                Ok = level is not ("ERROR" or "FATAL" or "PANIC"),
                Message = match.Groups["message"].Value,
            });
        }

        return entries;
    }

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
