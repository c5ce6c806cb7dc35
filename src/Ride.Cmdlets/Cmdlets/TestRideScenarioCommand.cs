using System.Management.Automation;
using Ride.Common;
using Ride.Engines;
using Ride.Scenarios;

namespace Ride.Cmdlets;

/// <summary>Proves a scenario keeps its promises: a fresh sandbox for the incident and the solution, Resets for the rest.</summary>
[Cmdlet(VerbsDiagnostic.Test, "RideScenario", DefaultParameterSetName = IdSet)]
[OutputType(typeof(RideScenarioTestResult))]
public sealed class TestRideScenarioCommand : RideCmdlet
{
    private const string IdSet = "Id";
    private const string PathSet = "Path";

    /// <summary>Scenario id (full, short or wildcard) from the catalog.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ScenarioIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>A scenario folder that is not (yet) in the catalog.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Where the sandboxes run: Auto, Docker or Local.</summary>
    [Parameter]
    public EngineKind Engine { get; set; } = EngineKind.Auto;

    /// <summary>Only the incident, the no-op, the solution and one Reset: what a change to an engine can break.</summary>
    [Parameter]
    public SwitchParameter Quick { get; set; }

    protected override void ProcessRecord() => Guarded(() =>
    {
        var scenarios = ParameterSetName == PathSet
            ? new[] { ScenarioCatalog.Load(GetUnresolvedProviderPathFromPSPath(Path)) }
            : Context.Catalog.Find(Id);
        foreach (var scenario in scenarios)
        {
            var results = Run($"Testing {scenario.Id}", (progress, token) => new ScenarioTester(Context).RunAsync(scenario, Engine, Quick, progress, token));
            WriteObject(results, enumerateCollection: true);
        }
    });
}
