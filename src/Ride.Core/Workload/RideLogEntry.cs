namespace Ride.Workload;

public enum LogSource
{
    App,
    Server,
}

/// <summary>A line of what happened: an actor's request outcome (App) or a PostgreSQL server log line (Server).</summary>
public sealed class RideLogEntry
{
    public string SessionId { get; init; } = "";
    public LogSource Source { get; init; }
    public DateTimeOffset? Time { get; init; }

    /// <summary>Server: the node whose log it is.</summary>
    public string? Node { get; init; }

    /// <summary>Server: the backend that logged it.</summary>
    public int? Pid { get; init; }

    /// <summary>Server: the kind of server process that logged it (client backend, checkpointer, autovacuum worker…).</summary>
    public string? BackendType { get; init; }

    /// <summary>Server: the user and database of the backend; (server) for the server's own processes.</summary>
    public string? UserName { get; init; }

    public string? Database { get; init; }

    /// <summary>App: the actor's name. Server: the application name in the log prefix, if any.</summary>
    public string? Actor { get; init; }
    public string? ApplicationName { get; init; }

    /// <summary>App: OK or ERROR (or CONNECT/DISCONNECT). Server: LOG, ERROR, FATAL, STATEMENT…</summary>
    public string Level { get; init; } = "";
    public bool Ok { get; init; }
    public string? SqlState { get; init; }
    public string Message { get; init; } = "";

    public override string ToString() => $"{Time:HH:mm:ss.fff} {Source} {Actor ?? ApplicationName} {Level} {Message}";
}
