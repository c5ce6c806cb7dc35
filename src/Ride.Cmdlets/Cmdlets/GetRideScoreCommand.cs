using System.Management.Automation;
using Ride.Scenarios;
using Ride.Scoring;
using Ride.Sessions;

namespace Ride.Cmdlets;

/// <summary>Detect / Fix / Trap with every check and its evidence.</summary>
[Cmdlet(VerbsCommon.Get, "RideScore", DefaultParameterSetName = SessionSet)]
[OutputType(typeof(RideScore))]
public sealed class GetRideScoreCommand : RideCmdlet
{
    private const string SessionSet = "Session";
    private const string SubmissionSet = "Submission";

    /// <summary>The session to score now (object or id); the single live session when omitted.</summary>
    [Parameter(Position = 0, ParameterSetName = SessionSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public SessionArgument? Session { get; set; }

    /// <summary>A submission from Submit-RideFix: its score is returned as it was when the fix ran.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SubmissionSet, ValueFromPipeline = true)]
    public RideSubmission? InputObject { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == SubmissionSet && InputObject?.Score is { } kept)
        {
            WriteObject(kept);
            return;
        }

        ForSession(InputObject is null ? Session : new SessionArgument(InputObject.SessionId), state =>
        {
            var scenario = ScenarioCatalog.Load(state.ScenarioPath);
            WriteObject(Run(async token =>
            {
                await new SessionHealth(Context).EnsurePrimaryAsync(state, token).ConfigureAwait(false);
                return await new ScoreEvaluator(Context).EvaluateAsync(state, scenario, token).ConfigureAwait(false);
            }));
        });
    }
}
