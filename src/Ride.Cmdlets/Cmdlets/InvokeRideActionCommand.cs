using System.Management.Automation;
using Ride.Actions;
using Ride.Scenarios;

namespace Ride.Cmdlets;

/// <summary>Runs one of the safe actions the drill allows (start a stopped primary, promote a replica, restore pg_hba.conf…).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "RideAction", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RideActionResult))]
public sealed class InvokeRideActionCommand : RideCmdlet
{
    /// <summary>The action, as the drill allows it (tab completion lists them).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(ActionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>The session (object or id); the single live session when omitted.</summary>
    [Parameter(Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public SessionArgument? Session { get; set; }

    /// <summary>The node the action concerns; each action has a sensible default (the primary, the only replica).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(NodeNameCompleter))]
    public string? Node { get; set; }

    protected override void ProcessRecord() => ForSession(Session, state =>
    {
        var definition = ScenarioCatalog.Load(state.ScenarioPath).Definition;
        ActionRunner.EnsureAllowed(definition, Name);
        var target = ActionRunner.TargetOf(state, Name, Node);
        if (!ShouldProcess($"node {target.Name} of {state.SessionId}", $"{Name}: {SafeActions.All[Name]}"))
        {
            return;
        }

        WriteObject(Run($"{Name} on {target.Name}", (progress, token) => new ActionRunner(Context).RunAsync(state, definition, Name, Node, token)));
    });
}
