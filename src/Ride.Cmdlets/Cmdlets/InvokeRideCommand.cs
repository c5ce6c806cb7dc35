using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Ride.Common;
using Ride.FrontDoor;
using Ride.Scenarios;
using Ride.Scoring;
using Ride.Sessions;
using Ride.Workload;

namespace Ride.Cmdlets;

/// <summary>
/// The <c>ride</c> front door: <c>ride postgres start stage-09/05-backward-incompatible-migration</c>, as printed on
/// the scenario pages, works verbatim. Each verb runs one Ride cmdlet in this pipeline, so what it writes (objects,
/// errors, progress, warnings, the briefing) is exactly what the cmdlet itself writes.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "Ride")]
[Alias("ride")]
[OutputType(typeof(RideScenario), typeof(RideSession), typeof(RideActivity), typeof(RideHint), typeof(RideLogEntry),
    typeof(RideSubmission), typeof(RideScore), typeof(RidePostmortem), typeof(string))]
public sealed class InvokeRideCommand : RideCmdlet
{
    // The script that runs a verb's cmdlet with the parameters worked out from the words.
    private const string RunCmdletScript = "param($command, $parameters) & $command @parameters";

    /// <summary>The words after <c>ride</c>: the track (postgres), a verb and its arguments.</summary>
    [Parameter(Position = 0, ValueFromRemainingArguments = true)]
    [ArgumentCompleter(typeof(RideArgumentCompleter))]
    [AllowEmptyCollection]
    public string[] ArgumentList { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord() => Guarded(() =>
    {
        var words = ArgumentList;
        if (words.Length == 0 || RideCommandLine.IsHelp(words[0]))
        {
            WriteObject(RideCommandLine.Usage(RideVerbs.All));
            return;
        }

        if (!words[0].Equals(RideCommandLine.Track, StringComparison.OrdinalIgnoreCase))
        {
            throw new RideException("UnknownRideCommand", RideErrorCategory.ObjectNotFound,
                $"'ride {words[0]}' is not a Ride command. Use: ride {RideCommandLine.Track} <{string.Join("|", RideVerbs.All.Select(v => v.Name))}>, "
                + $"or ride {RideCommandLine.HelpWord}.", words[0]);
        }

        if (words.Length == 1 || RideCommandLine.IsHelp(words[1]))
        {
            WriteObject(RideCommandLine.Usage(RideVerbs.All));
            return;
        }

        var verb = RideVerbs.All.FirstOrDefault(v => v.Name.Equals(words[1], StringComparison.OrdinalIgnoreCase));
        if (verb is null)
        {
            throw new RideException("UnknownRideCommand", RideErrorCategory.ObjectNotFound,
                $"'ride {RideCommandLine.Track} {words[1]}' is not a Ride command. The verbs are: {string.Join(", ", RideVerbs.All.Select(v => v.Name))}, "
                + $"{RideCommandLine.HelpWord}.", words[1]);
        }

        var arguments = words[2..];
        if (arguments.Contains(RideCommandLine.HelpFlag, StringComparer.OrdinalIgnoreCase))
        {
            WriteObject(RideCommandLine.Usage(RideVerbs.All));
            return;
        }

        var command = InvokeCommand.GetCmdlet(MyInvocation.MyCommand.ModuleName + "\\" + verb.Command);
        var parameters = new Hashtable(RideCommandLine.Bind(verb, arguments, name =>
            RideCommandLine.Resolve(command.Parameters.Values, name, p => p.Name, p => p.Aliases) is { } found
                ? new FrontDoor.CommandParameter(found.Name, found.SwitchParameter)
                : null), StringComparer.OrdinalIgnoreCase);

        // -Verbose, -ErrorAction and the other common parameters given to ride apply to the cmdlet it runs.
        foreach (var (name, value) in MyInvocation.BoundParameters)
        {
            if (name != nameof(ArgumentList))
            {
                parameters[name] = value;
            }
        }

        RunVerb(command, parameters);
    });

    /// <summary>
    /// Runs the cmdlet in this pipeline, so its output and errors stream straight into ours and its progress,
    /// warnings, information and ShouldProcess prompts reach the host as if the cmdlet had been typed.
    /// </summary>
    private void RunVerb(CmdletInfo command, Hashtable parameters)
    {
        try
        {
            InvokeCommand.InvokeScript(RunCmdletScript, true, PipelineResultTypes.Output | PipelineResultTypes.Error, null, command, parameters);
        }
        catch (RuntimeException ex) when (ex is not PipelineStoppedException && ex.ErrorRecord is not null)
        {
            // The cmdlet's own record, so `ride` fails with the error id, category and target of the cmdlet it ran.
            ThrowTerminatingError(ex.ErrorRecord);
        }
    }
}
