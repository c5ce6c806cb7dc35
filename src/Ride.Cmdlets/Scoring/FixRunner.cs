using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ride.Common;
using Ride.Sandbox;
using Ride.Scenarios;
using Ride.Sessions;

namespace Ride.Scoring;

/// <summary>Runs an operator's fix through psql as the operator role, keeps it with the session, and scores the result.</summary>
public static class FixRunner
{
    public const string SubmissionsFolder = "submissions";

    public static async Task<RideSubmission> SubmitAsync(SessionRecord state, string sql, string? path, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var scenario = ScenarioCatalog.Load(state.ScenarioPath);
        using var engine = await EngineFactory.ForNodeAsync(state.Primary, cancellationToken).ConfigureAwait(false);
        await SessionManager.EnsureAliveAsync(engine, state, cancellationToken).ConfigureAwait(false);

        var watch = Stopwatch.StartNew();
        var timeout = timeoutSeconds.ToString(CultureInfo.InvariantCulture) + "s";
        var result = await engine.RunPsqlAsync(state.Primary, new PsqlInvocation
        {
            User = state.OperatorRole,
            Password = state.OperatorPassword,
            Database = ScenarioIds.DefaultDatabase,
            Script = sql,
            ApplicationName = "psql",
            Options = $"-c statement_timeout={timeout} -c lock_timeout={timeout} -c idle_in_transaction_session_timeout={timeout}",
        }, cancellationToken).ConfigureAwait(false);
        watch.Stop();
        await SettleAsync(state, cancellationToken).ConfigureAwait(false);

        var updated = SessionStore.Update(state.SessionId, s => s.Submissions++);
        var score = await ScoreEvaluator.EvaluateAsync(updated, scenario, cancellationToken).ConfigureAwait(false);
        var error = result.Succeeded ? null : PsqlError.Parse(result.StandardError);
        var submission = new RideSubmission
        {
            SessionId = state.SessionId,
            ScenarioId = state.ScenarioId,
            Number = updated.Submissions,
            Path = path,
            SubmittedAt = DateTimeOffset.UtcNow,
            Succeeded = result.Succeeded,
            ExitCode = result.ExitCode,
            Output = result.StandardOutput,
            Error = result.Succeeded ? null : error?.Detail ?? result.StandardError.Trim(),
            ErrorMessage = result.Succeeded ? null : error?.Message ?? result.StandardError.Trim(),
            ErrorLine = error?.Line,
            Duration = watch.Elapsed,
            Score = score,
        };
        Keep(state.SessionId, sql, submission);
        return submission;
    }

    /// <summary>
    /// A backend told to terminate leaves within milliseconds of the fix's return; wait until the application
    /// backends from the start of the incident stop changing, so the score sees the settled state.
    /// </summary>
    private static async Task SettleAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsSystemAsync(state, SessionManager.BookkeepingDatabase, cancellationToken).ConfigureAwait(false);
        string? previous = null;
        for (var attempt = 0; attempt < 80; attempt++)
        {
            var current = await Database.ScalarAsync<string>(connection,
                "SELECT coalesce(string_agg(b.pid::text, ',' ORDER BY b.pid), '') FROM baseline_backends b JOIN pg_stat_activity a ON a.pid = b.pid",
                cancellationToken).ConfigureAwait(false);
            if (current == previous)
            {
                return;
            }

            previous = current;
            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Keep(string sessionId, string sql, RideSubmission submission)
    {
        var folder = Path.Combine(RidePaths.SessionDirectory(sessionId), SubmissionsFolder);
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, submission.Number.ToString("D3", CultureInfo.InvariantCulture));
        File.WriteAllText(stem + ".sql", sql);
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(submission, new JsonSerializerOptions { WriteIndented = true }));
    }
}
