using System.Management.Automation;
using Ride.Common;
using Ride.Scenarios;

namespace Ride.Cmdlets;

/// <summary>Scaffolds a scenario folder that passes validation, with comments that teach the format.</summary>
[Cmdlet(VerbsCommon.New, "RideScenario", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(RideScenario))]
public sealed class NewRideScenarioCommand : RideCmdlet
{
    /// <summary>The new scenario's id, stage-NN/MM-slug.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>The scenarios root to create it under (the folder stage-NN/MM-slug is made inside it).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The title (default: the slug in words).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Title { get; set; }

    /// <summary>The topic, e.g. 'Locks &amp; Transactions'.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Topic { get; set; } = "Uncategorised";

    /// <summary>The level, L1 (first steps) to L5 (capstone).</summary>
    [Parameter]
    [ValidateSet("L1", "L2", "L3", "L4", "L5")]
    public string Level { get; set; } = "L2";

    /// <summary>Overwrite the scaffold files in a folder that already has content.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord() => Guarded(() =>
    {
        var root = GetUnresolvedProviderPathFromPSPath(Path);
        var target = System.IO.Path.Combine(root, Id.Replace('/', System.IO.Path.DirectorySeparatorChar));
        if (!ShouldProcess(target, "Create scenario folder"))
        {
            return;
        }

        var slash = Id.IndexOf('/');
        var dash = slash < 0 ? -1 : Id.IndexOf('-', slash);
        var slug = dash < 0 ? Id : Id[(dash + 1)..];
        var title = Title ?? System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(slug.Replace('-', ' '));
        var folder = ScenarioScaffold.Create(Id, root, title, Topic, Level, Force);
        WriteObject(ScenarioCatalog.Load(folder));
    });
}
