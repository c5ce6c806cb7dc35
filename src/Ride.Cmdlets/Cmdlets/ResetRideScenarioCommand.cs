using System.Management.Automation;
using Ride.Scenarios;
using Ride.Sessions;

namespace Ride.Cmdlets;

/// <summary>Returns a session to the start of its incident without re-creating the sandbox.</summary>
[Cmdlet(VerbsCommon.Reset, "RideScenario", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RideSession))]
public sealed class ResetRideScenarioCommand : RideCmdlet
{
    /// <summary>The session (object or id); the single live session when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public SessionArgument? Session { get; set; }

    protected override void ProcessRecord() => ForSession(Session, state =>
    {
        if (!ShouldProcess($"{state.SessionId} ({state.ScenarioId})", "Discard every change and replay the incident from its start"))
        {
            return;
        }

        var reset = Run($"Resetting {state.SessionId}", (progress, token) => new SessionResetter(Context).ResetAsync(state, progress, token));
        WriteObject(new RideSession(reset, SessionStatus.Running, ScenarioCatalog.Load(reset.ScenarioPath).Briefing));
    });
}
