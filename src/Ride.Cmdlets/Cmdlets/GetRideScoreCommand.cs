using System.Management.Automation;
using Ride.Common;
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
        try
        {
            if (ParameterSetName == SubmissionSet && InputObject?.Score is { } kept)
            {
                WriteObject(kept);
                return;
            }

            var state = ResolveSession(InputObject is null ? Session : new SessionArgument(InputObject.SessionId));
            var scenario = ScenarioCatalog.Load(state.ScenarioPath);
            var score = Run(async token =>
            {
                await SessionManager.EnsureAliveAsync(state, token).ConfigureAwait(false);
                return await ScoreEvaluator.EvaluateAsync(state, scenario, token).ConfigureAwait(false);
            });
            WriteObject(score);
        }
        catch (RideException ex)
        {
            ThrowRide(ex);
        }
    }
}
