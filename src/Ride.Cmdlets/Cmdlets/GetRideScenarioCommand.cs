using System.Management.Automation;
using Ride.Common;
using Ride.Scenarios;

namespace Ride.Cmdlets;

/// <summary>Lists the scenario catalog.</summary>
[Cmdlet(VerbsCommon.Get, "RideScenario")]
[OutputType(typeof(RideScenario))]
public sealed class GetRideScenarioCommand : RideCmdlet
{
    /// <summary>Full id, short id or wildcard.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ScenarioIdCompleter))]
    public string? Id { get; set; }

    /// <summary>Only scenarios whose topic matches (wildcards allowed).</summary>
    [Parameter]
    [SupportsWildcards]
    public string? Topic { get; set; }

    /// <summary>Only scenarios of this level, e.g. L4 (wildcards allowed).</summary>
    [Parameter]
    [SupportsWildcards]
    public string? Level { get; set; }

    protected override void ProcessRecord() => Guarded(() =>
    {
        var topic = Topic is null ? null : new WildcardPattern(Topic, WildcardOptions.IgnoreCase);
        var level = Level is null ? null : new WildcardPattern(Level, WildcardOptions.IgnoreCase);
        var listing = Context.Catalog.Scan();
        if (Id is null || WildcardPattern.ContainsWildcardCharacters(Id))
        {
            // A broken scenario folder is reported, and the rest of the catalog is still listed.
            foreach (var problem in listing.Problems)
            {
                WriteError(ToErrorRecord(problem));
            }
        }

        foreach (var scenario in Context.Catalog.Find(listing, Id))
        {
            if ((topic is null || topic.IsMatch(scenario.Topic)) && (level is null || level.IsMatch(scenario.Level)))
            {
                WriteObject(scenario);
            }
        }
    });
}
