using System.Management.Automation;
using Ride.Workload;

namespace Ride.Cmdlets;

/// <summary>What the applications (App) or the PostgreSQL servers (Server) logged.</summary>
[Cmdlet(VerbsCommon.Get, "RideLog")]
[OutputType(typeof(RideLogEntry))]
public sealed class GetRideLogCommand : RideCmdlet
{
    /// <summary>The session (object or id); the single live session when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public SessionArgument? Session { get; set; }

    /// <summary>App: every request outcome of the actors. Server: the PostgreSQL log.</summary>
    [Parameter]
    public LogSource Source { get; set; } = LogSource.App;

    /// <summary>Server: the server whose log to read; every server of the session when omitted.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NodeNameCompleter))]
    public string? Node { get; set; }

    protected override void ProcessRecord() => ForSession(Session, state =>
    {
        var reader = new LogReader(Context);
        var entries = Source == LogSource.App
            ? reader.ReadApp(state)
            : Run(token => reader.ReadServerAsync(state, Node, token));
        RecordCommandUse(state);
        WriteObject(entries, enumerateCollection: true);
    });
}
