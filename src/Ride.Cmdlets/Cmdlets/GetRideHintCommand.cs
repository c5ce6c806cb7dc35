using System.Globalization;
using System.Management.Automation;
using Ride.Evidence;
using Ride.Scenarios;
using Ride.Sessions;

namespace Ride.Cmdlets;

/// <summary>Reveals the next staged hint; -All lists the hints already seen.</summary>
[Cmdlet(VerbsCommon.Get, "RideHint")]
[OutputType(typeof(RideHint))]
public sealed class GetRideHintCommand : RideCmdlet
{
    /// <summary>The session (object or id); the single live session when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public SessionArgument? Session { get; set; }

    /// <summary>List every hint already revealed instead of revealing a new one.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    protected override void ProcessRecord() => ForSession(Session, state =>
    {
        var hints = ScenarioCatalog.Load(state.ScenarioPath).Definition.Hints;
        if (All)
        {
            for (var i = 0; i < Math.Min(state.HintsUsed, hints.Count); i++)
            {
                WriteObject(Hint(state, hints, i));
            }

            return;
        }

        if (state.HintsUsed >= hints.Count)
        {
            WriteWarning($"All {hints.Count} hints have been revealed; this is the last one. Get-RidePostmortem explains the incident after a submission.");
            WriteObject(Hint(state, hints, hints.Count - 1));
            return;
        }

        var updated = Run(async token =>
        {
            var next = await Context.Sessions.UpdateAsync(state.SessionId, s => s.HintsUsed = Math.Min(s.HintsUsed + 1, hints.Count), token).ConfigureAwait(false);
            await Context.EvidenceOf(state.SessionId).AppendAsync(EvidenceKinds.Hint, "hint", next.Resets, token,
                new Dictionary<string, string> { ["number"] = next.HintsUsed.ToString(CultureInfo.InvariantCulture) }).ConfigureAwait(false);
            return next;
        });
        WriteObject(Hint(updated, hints, updated.HintsUsed - 1));
    });

    private static RideHint Hint(SessionRecord state, List<string> hints, int index) => new()
    {
        SessionId = state.SessionId,
        ScenarioId = state.ScenarioId,
        Number = index + 1,
        Total = hints.Count,
        Text = hints[index].Trim(),
    };
}
