using System.Management.Automation;
using Ride.Common;
using Ride.Sessions;

namespace Ride.Cmdlets;

/// <summary>Stops the actors and removes the sandbox of a session.</summary>
[Cmdlet(VerbsLifecycle.Stop, "RideScenario", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RideSession))]
public sealed class StopRideScenarioCommand : RideCmdlet
{
    /// <summary>The session (object or id); the single live session when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public SessionArgument? Session { get; set; }

    /// <summary>Write the stopped session to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Errors here are not terminating: stopping a list of sessions goes on past one that fails.</summary>
    protected override void ProcessRecord()
    {
        SessionRecord state;
        try
        {
            state = ResolveSession(Session);
        }
        catch (RideException ex)
        {
            WriteError(ToErrorRecord(ex));
            return;
        }

        if (!ShouldProcess($"{state.SessionId} ({state.ScenarioId}, {state.Engine})", "Stop the actors and remove the sandbox"))
        {
            return;
        }

        try
        {
            foreach (var note in Run(token => new SessionTeardown(Context).RemoveAsync(state, token)))
            {
                WriteWarning($"{state.SessionId}: {note} Cleaned up anyway.");
            }

            if (PassThru)
            {
                WriteObject(new RideSession(state, SessionStatus.Stopped));
            }
        }
        catch (RideException ex)
        {
            WriteError(ToErrorRecord(ex));
        }
    }
}
