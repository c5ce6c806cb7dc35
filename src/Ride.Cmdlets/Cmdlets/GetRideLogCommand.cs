using System.Management.Automation;
using Ride.Common;
using Ride.Sessions;
using Ride.Workload;

namespace Ride.Cmdlets;

/// <summary>What the applications (App) or the PostgreSQL server (Server) logged.</summary>
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

    protected override void ProcessRecord()
    {
        try
        {
            var state = ResolveSession(Session);
            var entries = Source == LogSource.App
                ? LogReader.ReadApp(state)
                : Run(token => LogReader.ReadServerAsync(state, token));
            RecordCommandUse(state);
            WriteObject(entries, enumerateCollection: true);
        }
        catch (RideException ex)
        {
            ThrowRide(ex);
        }
    }
}
