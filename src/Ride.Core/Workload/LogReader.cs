using System.Globalization;
using Ride.Sessions;

namespace Ride.Workload;

/// <summary>What the applications (the actors' log) and the servers (their logs) recorded, as RideLogEntry objects.</summary>
public sealed class LogReader
{
    private readonly RideContext _context;

    public LogReader(RideContext context) => _context = context;

    public IReadOnlyList<RideLogEntry> ReadApp(SessionRecord state) =>
        AppLog.Read(_context.SessionDirectory(state.SessionId)).Select(e => new RideLogEntry
        {
            SessionId = state.SessionId,
            Source = LogSource.App,
            Time = e.Time,
            Actor = e.Actor,
            ApplicationName = e.ApplicationName,
            Ok = e.Ok,
            Level = (e.Event, e.Ok) switch
            {
                (AppLogEvents.Connect, true) => "CONNECT",
                (AppLogEvents.Disconnect, _) => "DISCONNECT",
                (_, true) => "OK",
                _ => "ERROR",
            },
            SqlState = e.SqlState,
            Message = e.Message ?? (e.Event == AppLogEvents.Connect
                ? $"connected (backend pid {e.BackendPid})"
                : $"ok in {e.DurationMs.ToString(CultureInfo.InvariantCulture)} ms"),
        }).ToList();

    /// <summary>The server log of one node, or of every node (with their names) when none is given.</summary>
    public async Task<IReadOnlyList<RideLogEntry>> ReadServerAsync(SessionRecord state, string? node, CancellationToken cancellationToken)
    {
        var entries = new List<RideLogEntry>();
        foreach (var record in node is null ? state.Nodes : new List<Engines.NodeRecord> { state.Node(node) })
        {
            var handle = await _context.Engines.OpenAsync(record, cancellationToken).ConfigureAwait(false);
            var lines = await handle.ReadServerLogAsync(cancellationToken).ConfigureAwait(false);
            entries.AddRange(PoolerLogParser.ParseFor(record, lines).Where(line => !ServerLogParser.IsRideNoise(line)).Select(line => new RideLogEntry
            {
                SessionId = state.SessionId,
                Source = LogSource.Server,
                Node = record.Name,
                Time = line.Time,
                Pid = line.Pid,
                UserName = line.User,
                Database = line.Database,
                ApplicationName = line.ApplicationName,
                BackendType = line.BackendType,
                Level = line.Level,
                Ok = !ServerLogParser.IsError(line.Level),
                Message = line.Message,
            }));
        }

        return entries;
    }
}
