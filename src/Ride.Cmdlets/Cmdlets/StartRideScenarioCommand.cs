using System.Management.Automation;
using Ride.Engines;
using Ride.Scenarios;
using Ride.Sessions;

namespace Ride.Cmdlets;

/// <summary>Boots a sandbox, seeds it, starts the application actors and applies the incident.</summary>
[Cmdlet(VerbsLifecycle.Start, "RideScenario", DefaultParameterSetName = IdSet)]
[OutputType(typeof(RideSession))]
public sealed class StartRideScenarioCommand : RideCmdlet
{
    private const string IdSet = "Id";
    private const string PathSet = "Path";

    /// <summary>Scenario id: full (stage-09/05-backward-incompatible-migration) or short (stage-09/05).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ScenarioIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>A scenario folder that is not (yet) in the catalog, as an author starts the drill they are writing.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Where the sandbox runs: Auto (Docker when an engine answers, else Local), Docker or Local.</summary>
    [Parameter]
    public EngineKind Engine { get; set; } = EngineKind.Auto;

    /// <summary>Docker image to run (default postgres:15, or $env:RIDE_IMAGE).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Image { get; set; }

    protected override void ProcessRecord() => Guarded(() =>
    {
        var scenario = ParameterSetName == PathSet ? ScenarioCatalog.Load(GetUnresolvedProviderPathFromPSPath(Path)) : Context.Catalog.FindOne(Id);
        var state = Run($"Starting {scenario.Id}", (progress, token) => new SessionLauncher(Context).StartAsync(scenario, Engine, Image, progress, token));
        var session = new RideSession(state, SessionStatus.Running, scenario.Briefing);
        WriteBriefing(scenario, session);
        WriteObject(session);
    });

    private void WriteBriefing(RideScenario scenario, RideSession session)
    {
        var text = $"""

            {scenario.Title}  ({scenario.Id}, {scenario.Level}, {scenario.Duration})

            {scenario.Briefing}

            Investigate:  {Investigate(session)}
            Then:         Submit-RideFix -Path ./fix.sql | Get-RideScore

            """;
        WriteInformation(new HostInformationMessage { Message = text }, new[] { "PSHOST", "Ride.Briefing" });
    }

    /// <summary>One psql command, or one per node (a pooler's console, a node the incident stopped) for a topology.</summary>
    private static string Investigate(RideSession session)
    {
        if (session.Nodes.Length <= 1)
        {
            return session.PsqlCommand;
        }

        var width = session.Nodes.Max(n => n.Name.Length);
        return string.Join(Environment.NewLine + new string(' ', 14), session.Nodes.Select(n =>
            n.Name.PadRight(width) + "  " + (n.Status == NodeStatus.Running
                ? n.PsqlCommand + (n.Role == NodeRole.Pooler ? $"   (console: database {PgBouncer.ConsoleDatabase})" : "")
                : $"({n.Status.ToLowerInvariant()})")));
    }
}
