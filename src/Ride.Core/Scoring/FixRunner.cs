using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Ride.Common;
using Ride.Engines;
using Ride.Evidence;
using Ride.Scenarios;
using Ride.Sessions;

namespace Ride.Scoring;

/// <summary>
/// Runs an operator's fix through psql as the operator role, keeps it with the session, and scores the result.
/// A fix is untrusted: it is vetted before it runs (FixScript), psql runs it inside the sandbox, and whatever it does
/// afterwards to Ride's own things is put back and reported (ScorerGuard). Once a fix has run, a submission with a
/// score always comes back.
/// </summary>
public sealed class FixRunner
{
    public const string SubmissionsFolder = "submissions";

    private readonly RideContext _context;

    public FixRunner(RideContext context) => _context = context;

    public async Task<RideSubmission> SubmitAsync(SessionRecord state, string sql, string? path, string database, int timeoutSeconds,
        CancellationToken cancellationToken)
    {
        var scenario = ScenarioCatalog.Load(state.ScenarioPath);
        if (!scenario.Definition.AllDatabases.Contains(database) && database != "postgres")
        {
            throw new RideException("DatabaseNotFound", RideErrorCategory.ObjectNotFound,
                $"'{database}' is not a database of {scenario.Id}. Its databases: {string.Join(", ", scenario.Definition.AllDatabases)}.", database);
        }

        var folder = path is null ? null : Path.GetDirectoryName(Path.GetFullPath(path));
        IReadOnlyList<(FixStep Step, FixScript? Script)> steps;
        try
        {
            steps = FixSteps.Split(sql).Select(step =>
            {
                if (step.Node is { } node && !scenario.Definition.NodeNames.Contains(node, StringComparer.Ordinal))
                {
                    throw new RideException("FixRejected", RideErrorCategory.InvalidData,
                        $"Line {step.Line}: '{node}' is not a node of {scenario.Id} ({string.Join(", ", scenario.Definition.NodeNames)}).", node);
                }

                if (step.IsAction)
                {
                    Actions.ActionRunner.EnsureAllowed(scenario.Definition, step.Action!);
                    return (step, (FixScript?)null);
                }

                return (step, FixScript.Prepare(step.Sql!, folder));
            }).ToList();
        }
        catch (RideException rejected) when (rejected.ErrorId is "FixRejected" or "ActionNotAllowed")
        {
            // Nothing of it ran: the submission carries the score of the incident as it stands, so a class's grades stay complete.
            var message = rejected.ErrorId == "ActionNotAllowed" ? "A directive names an action this drill does not allow: " + rejected.Message : rejected.Message;
            return await RecordAsync(state, scenario, sql, path, database, null, message, TimeSpan.Zero, Array.Empty<string>(), null,
                cancellationToken).ConfigureAwait(false);
        }

        var hasActions = steps.Any(s => s.Step.IsAction);
        var watch = Stopwatch.StartNew();
        var tampering = new List<string>();
        ProcessResult? result = null;
        FixScript? failedScript = null;
        (int Line, string Message)? stoppedAt = null;
        var output = new System.Text.StringBuilder();
        foreach (var (step, script) in steps)
        {
            if (step.IsAction)
            {
                try
                {
                    var done = await new Actions.ActionRunner(_context).RunAsync(state, scenario.Definition, step.Action!, step.Node, cancellationToken)
                        .ConfigureAwait(false);
                    output.Append("ride: ").AppendLine(done.ToString());
                }
                catch (RideException refused)
                {
                    stoppedAt = (step.Line, $"action {step.Action} refused: {refused.Message}");
                    break;
                }

                continue;
            }

            if (step.Node is { } named && state.Node(named).Role != NodeRole.Primary)
            {
                // Not the primary (a replica, where a fix resumes replay): nothing of Ride's there to guard.
                // A pooler's SQL is for its console (SHOW POOLS, RELOAD…), which takes no server options.
                var target = state.Node(named);
                var other = await _context.Engines.OpenAsync(target, cancellationToken).ConfigureAwait(false);
                var invocation = target.Role == NodeRole.Pooler
                    ? new PsqlInvocation
                    {
                        User = state.OperatorRole, Password = state.OperatorPassword, Database = PgBouncer.ConsoleDatabase, Script = script!.Text, ApplicationName = "psql",
                    }
                    : Invocation(state, script!, database, timeoutSeconds);
                using (var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    // The console has no statement timeout: a PAUSE that waits for busy servers is stopped here instead.
                    bounded.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds + 1));
                    try
                    {
                        result = await other.RunPsqlAsync(invocation, bounded.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        stoppedAt = (step.Line, $"the SQL for {named} from line {step.Line} did not finish within {timeoutSeconds + 1} seconds and was stopped");
                        break;
                    }
                }

                output.Append(result.StandardOutput);
                if (!result.Succeeded)
                {
                    failedScript = script;
                    break;
                }

                continue;
            }

            ISandboxNode primary;
            try
            {
                primary = await new SessionHealth(_context).EnsurePrimaryAsync(state, cancellationToken).ConfigureAwait(false);
            }
            catch (RideException down) when (down.ErrorId == "SessionLost" && (hasActions || state.Primary.StoppedOnPurpose))
            {
                stoppedAt = (step.Line, $"the primary ({state.Primary.Name}) is not running, so the SQL from line {step.Line} could not run");
                break;
            }

            result = await RunSqlAsync(state, primary, script!, database, timeoutSeconds, tampering, cancellationToken).ConfigureAwait(false);
            output.Append(result.StandardOutput);
            if (!result.Succeeded)
            {
                failedScript = script;
                break;
            }
        }

        watch.Stop();

        // From here on nothing the fix did may stop the submission: what cannot be done becomes evidence.
        try
        {
            if (state.Nodes.Count > 1)
            {
                await new Actions.ActionRunner(_context).ReconcilePromotionsAsync(state, cancellationToken).ConfigureAwait(false);
            }

            if (await new SessionHealth(_context).IsRunningAsync(state.Primary, cancellationToken).ConfigureAwait(false))
            {
                var primary = await _context.Engines.OpenAsync(state.Primary, cancellationToken).ConfigureAwait(false);
                await new Settler(_context).SettleAsync(state, scenario.Definition, primary, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or RideException or IOException)
        {
            tampering.Add("Ride could not settle the session after the fix: " + ex.Message);
        }

        return await RecordAsync(state, scenario, sql, path, database, result, null, watch.Elapsed, tampering,
            failedScript ?? steps.LastOrDefault(s => s.Script is not null).Script, cancellationToken, stoppedAt, hasActions ? output.ToString() : null).ConfigureAwait(false);
    }

    /// <summary>One psql run of the fix as the operator on the primary, watched by the guard, which puts Ride's own things back after it.</summary>
    private static async Task<ProcessResult> RunSqlAsync(SessionRecord state, ISandboxNode primary, FixScript script, string database, int timeoutSeconds,
        List<string> tampering, CancellationToken cancellationToken)
    {
        var connections = new SessionConnections(state);
        await using var guard = await ScorerGuard.OpenAsync(state, primary, connections, cancellationToken).ConfigureAwait(false);
        var result = await primary.RunPsqlAsync(Invocation(state, script, database, timeoutSeconds), cancellationToken).ConfigureAwait(false);
        tampering.AddRange(await RepairAsync(guard, cancellationToken).ConfigureAwait(false));
        return result;
    }

    /// <summary>psql as the operator, bounded: the statement timeout is a second longer, so a fix stopped by a lock wait is told so (lock timeout).</summary>
    private static PsqlInvocation Invocation(SessionRecord state, FixScript script, string database, int timeoutSeconds)
    {
        var timeout = timeoutSeconds.ToString(CultureInfo.InvariantCulture) + "s";
        var statementTimeout = (timeoutSeconds + 1).ToString(CultureInfo.InvariantCulture) + "s";
        return new PsqlInvocation
        {
            User = state.OperatorRole,
            Password = state.OperatorPassword,
            Database = database,
            Script = script.Text,
            ApplicationName = "psql",
            Options = $"-c statement_timeout={statementTimeout} -c lock_timeout={timeout} -c idle_in_transaction_session_timeout={timeout}",
        };
    }

    /// <summary>Counts the submission, scores the state, and keeps the fix, its outcome and its score with the session.</summary>
    private async Task<RideSubmission> RecordAsync(SessionRecord state, RideScenario scenario, string sql, string? path, string database,
        ProcessResult? result, string? rejection, TimeSpan duration, IReadOnlyList<string> tampering, FixScript? script, CancellationToken cancellationToken,
        (int Line, string Message)? stoppedAt = null, string? output = null)
    {
        var updated = await _context.Sessions.UpdateAsync(state.SessionId, s => s.Submissions++, cancellationToken).ConfigureAwait(false);
        var evidence = _context.EvidenceOf(state.SessionId);
        foreach (var finding in tampering)
        {
            await evidence.AppendAsync(EvidenceKinds.Tampering, "ride", updated.Resets, cancellationToken, outcome: finding).ConfigureAwait(false);
        }

        var extra = tampering.Count == 0
            ? Array.Empty<RideCheck>()
            : new[]
            {
                new RideCheck
                {
                    Category = CheckCategory.Trap,
                    Name = ScoreCard.TamperingCheck,
                    Description = "Left Ride's own role, database, connections and settings alone.",
                    MaxPoints = 0,
                    Points = 0,
                    Passed = false,
                    Evidence = string.Join("; ", tampering),
                    Node = state.Primary.Name,
                },
            };
        var score = await new ScoreEvaluator(_context).EvaluateAsync(updated, scenario, cancellationToken, extra).ConfigureAwait(false);
        var succeeded = rejection is null && stoppedAt is null && result is not { Succeeded: false };
        var error = result is null || result.Succeeded ? null : PsqlError.Parse(result.StandardError);
        var origin = error?.Line is { } line && script is not null ? script.Origin(line) : (null, 0);
        if (stoppedAt is { } stop)
        {
            error = null;
            origin = (null, stop.Line);
        }

        var submission = new RideSubmission
        {
            SessionId = state.SessionId,
            ScenarioId = state.ScenarioId,
            Number = updated.Submissions,
            Path = path,
            Database = database,
            SubmittedAt = DateTimeOffset.UtcNow,
            Succeeded = succeeded,
            Rejected = rejection is not null,
            ExitCode = result?.ExitCode ?? (succeeded ? 0 : -1),
            Output = output ?? result?.StandardOutput ?? "",
            Error = rejection ?? stoppedAt?.Message ?? (succeeded ? null : error?.Detail ?? result!.StandardError.Trim()),
            ErrorMessage = rejection ?? stoppedAt?.Message ?? (succeeded ? null : error?.Message ?? result!.StandardError.Trim()),
            ErrorLine = stoppedAt?.Line ?? (error?.Line is null ? null : origin.Item2),
            ErrorFile = origin.Item1,
            Duration = duration,
            Score = score,
        };
        var outcome = submission.Rejected ? "rejected: " + rejection
            : submission.Succeeded ? "ok" : $"stopped at line {submission.ErrorLine}: {submission.ErrorMessage}";
        await evidence.AppendAsync(EvidenceKinds.Submission, path is null ? "(sql)" : Path.GetFileName(path), updated.Resets, cancellationToken,
            new Dictionary<string, string> { ["number"] = submission.Number.ToString(CultureInfo.InvariantCulture), ["database"] = database },
            outcome).ConfigureAwait(false);
        Keep(state.SessionId, sql, submission);
        return submission;
    }

    private static async Task<IReadOnlyList<string>> RepairAsync(ScorerGuard guard, CancellationToken cancellationToken)
    {
        try
        {
            return await guard.RepairAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or RideException or IOException)
        {
            return new[] { "Ride could not put its own things back after the fix: " + ex.Message + ". Reset rebuilds the sandbox." };
        }
    }

    private void Keep(string sessionId, string sql, RideSubmission submission)
    {
        var folder = Path.Combine(_context.SessionDirectory(sessionId), SubmissionsFolder);
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, submission.Number.ToString("D3", CultureInfo.InvariantCulture));
        File.WriteAllText(stem + ".sql", sql);
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(submission, new JsonSerializerOptions { WriteIndented = true }));
    }
}
