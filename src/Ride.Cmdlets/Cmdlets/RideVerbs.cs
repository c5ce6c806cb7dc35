using System.Management.Automation;
using System.Reflection;
using Ride.FrontDoor;
using Ride.Workload;

namespace Ride.Cmdlets;

/// <summary>The verbs of <c>ride postgres</c> and the cmdlet each one runs (named from its type, so a rename cannot leave a verb behind).</summary>
internal static class RideVerbs
{
    public static readonly IReadOnlyList<RideVerb> All = new[]
    {
        Verb("list", typeof(GetRideScenarioCommand), "[id-pattern]", "the scenario catalog") with { Positional = "Id" },
        Verb("start", typeof(StartRideScenarioCommand), "<scenario-id> [--engine docker|local]", "boot a sandbox and break it") with
        {
            Positional = "Id",
            PositionalRequired = true,
            Flags = new[] { new RideFlag("engine", "Engine", null) },
        },
        Verb("status", typeof(GetRideSessionCommand), "[session-id]", "sessions and their state") with { Positional = "Id" },
        Verb("activity", typeof(GetRideActivityCommand), "[app-pattern...]", "live backends, who blocks whom") with
        {
            Positional = "ApplicationName",
            PositionalMany = true,
        },
        Verb("hint", typeof(GetRideHintCommand), "[--all]", "the next staged hint") with
        {
            Flags = new[] { new RideFlag("all", "All", SwitchParameter.Present) },
        },
        Verb("log", typeof(GetRideLogCommand), "[--server]", "what the apps (or server) logged") with
        {
            Flags = new[] { new RideFlag("server", "Source", LogSource.Server) },
        },
        Verb("submit", typeof(SubmitRideFixCommand), "<fix.sql>", "run your fix and score it") with { Positional = "Path", PositionalRequired = true },
        Verb("score", typeof(GetRideScoreCommand), "", "Detect / Fix / Trap, now"),
        Verb("postmortem", typeof(GetRidePostmortemCommand), "[--force]", "the explanation, after a submit") with
        {
            Flags = new[] { new RideFlag("force", "Force", SwitchParameter.Present) },
        },
        Verb("action", typeof(InvokeRideActionCommand), "<action> [--node name]", "a safe action the drill allows") with
        {
            Positional = "Name",
            PositionalRequired = true,
            Flags = new[] { new RideFlag("node", "Node", null) },
        },
        Verb("reset", typeof(ResetRideScenarioCommand), "", "back to the start of the incident"),
        Verb("stop", typeof(StopRideScenarioCommand), "", "stop the apps, remove the sandbox"),
    };

    private static RideVerb Verb(string name, Type cmdlet, string arguments, string summary)
    {
        var attribute = cmdlet.GetCustomAttribute<CmdletAttribute>()!;
        return new RideVerb(name, $"{attribute.VerbName}-{attribute.NounName}", arguments, summary);
    }
}
