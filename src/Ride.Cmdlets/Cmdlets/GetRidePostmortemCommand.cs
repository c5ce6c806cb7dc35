using System.Management.Automation;
using Ride.Common;
using Ride.Scenarios;

namespace Ride.Cmdlets;

/// <summary>The postmortem of the incident: available after the first submission, or at once with -Force.</summary>
[Cmdlet(VerbsCommon.Get, "RidePostmortem")]
[OutputType(typeof(RidePostmortem))]
public sealed class GetRidePostmortemCommand : RideCmdlet
{
    /// <summary>The session (object or id); the single live session when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public SessionArgument? Session { get; set; }

    /// <summary>Show the postmortem even before a fix was submitted.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord() => ForSession(Session, state =>
    {
        if (state.Submissions == 0 && !Force)
        {
            throw new RideException("PostmortemLocked", RideErrorCategory.PermissionDenied,
                "The postmortem gives the answer away, so it opens after your first Submit-RideFix. Use -Force to read it now.", state.SessionId);
        }

        var scenario = ScenarioCatalog.Load(state.ScenarioPath);
        var path = scenario.FilePath(scenario.Definition.Postmortem);
        WriteObject(new RidePostmortem
        {
            SessionId = state.SessionId,
            ScenarioId = scenario.Id,
            Title = scenario.Title,
            Text = File.ReadAllText(path).Trim(),
            Path = path,
        });
    });
}
