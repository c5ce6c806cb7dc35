using System.Management.Automation;
using Ride.Common;
using Ride.Scenarios;
using Ride.Scoring;

namespace Ride.Cmdlets;

/// <summary>Runs a fix through psql as the operator role, then scores the state it leaves.</summary>
[Cmdlet(VerbsLifecycle.Submit, "RideFix", DefaultParameterSetName = PathSet)]
[OutputType(typeof(RideSubmission))]
public sealed class SubmitRideFixCommand : RideCmdlet
{
    private const string PathSet = "Path";
    private const string SqlSet = "Sql";

    /// <summary>The session (object or id); the single live session when omitted.</summary>
    [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ArgumentCompleter(typeof(SessionIdCompleter))]
    public SessionArgument? Session { get; set; }

    /// <summary>The fix file (psql syntax; \connect reaches other databases).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The fix as a string.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SqlSet)]
    [ValidateNotNullOrEmpty]
    public string Sql { get; set; } = "";

    /// <summary>The database the fix starts in (default incident, the database of the printed psql command).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Database { get; set; } = ScenarioIds.DefaultDatabase;

    /// <summary>Statement and lock timeout for the fix, in seconds.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 60;

    protected override void ProcessRecord() => ForSession(Session, state =>
    {
        string sql;
        string? path = null;
        if (ParameterSetName == PathSet)
        {
            path = GetUnresolvedProviderPathFromPSPath(Path);
            if (!File.Exists(path))
            {
                throw new RideException("FixFileNotFound", RideErrorCategory.ObjectNotFound,
                    $"The fix file '{path}' does not exist. Give the path of a .sql file, or the SQL itself with -Sql.", Path);
            }

            sql = File.ReadAllText(path);
        }
        else
        {
            sql = Sql;
        }

        var submission = Run($"Submitting a fix to {state.SessionId}", async (progress, token) =>
        {
            progress.Report(new Engines.SandboxProgress("Running the fix as " + state.OperatorRole, 10));
            var result = await new FixRunner(Context).SubmitAsync(state, sql, path, Database, TimeoutSec, token).ConfigureAwait(false);
            progress.Report(new Engines.SandboxProgress("Scored", 100));
            return result;
        });

        if (submission.Rejected)
        {
            // Not terminating: a class's grading pipeline goes on to the next file.
            WriteError(new ErrorRecord(new InvalidOperationException(submission.ErrorMessage), "FixRejected", ErrorCategory.SecurityError, path ?? (object)sql));
        }
        else if (!submission.Succeeded)
        {
            var where = submission.ErrorLine is { } line ? $" at line {line}" + (submission.ErrorFile is { } file ? $" of {file}" : "") : "";
            WriteError(new ErrorRecord(
                new InvalidOperationException($"The fix stopped{where}: {submission.ErrorMessage} Statements before it took effect; the session stays usable for another submission."),
                "FixFailed", ErrorCategory.InvalidData, path ?? (object)sql)
            {
                ErrorDetails = new ErrorDetails($"The fix stopped{where}: {submission.ErrorMessage}")
                {
                    RecommendedAction = "Correct the fix and submit again; psql said:" + Environment.NewLine + submission.Error,
                },
            });
        }

        WriteObject(submission);
    });
}
