using Npgsql;
using Ride.Scenarios;
using Ride.Sessions;

namespace Ride.Scoring;

/// <summary>
/// Runs a scenario's checks against the current state of a session. Every check is a pure function of the
/// database state, the statement statistics and the recorded command use, so the same state scores the same.
/// </summary>
public static class ScoreEvaluator
{
    private const string ReplayOptions = "SET LOCAL statement_timeout = '5s'; SET LOCAL lock_timeout = '2s'";

    public static async Task<RideScore> EvaluateAsync(SessionRecord state, RideScenario scenario, CancellationToken cancellationToken)
    {
        var definition = scenario.Definition;
        var checks = new List<RideCheck>();
        foreach (var (category, list) in new[]
                 {
                     (CheckCategory.Detect, definition.Checks.Detect),
                     (CheckCategory.Fix, definition.Checks.Fix),
                     (CheckCategory.Trap, definition.Checks.Trap),
                 })
        {
            foreach (var check in list)
            {
                var (passed, evidence) = await EvaluateCheckAsync(state, definition, check, cancellationToken).ConfigureAwait(false);
                checks.Add(new RideCheck
                {
                    Category = category,
                    Name = check.Name,
                    Description = check.Description,
                    MaxPoints = check.Points,
                    Points = passed ? check.Points : 0,
                    Passed = passed,
                    Evidence = evidence,
                });
            }
        }

        int Sum(CheckCategory c, bool max) => checks.Where(k => k.Category == c).Sum(k => max ? k.MaxPoints : k.Points);
        return new RideScore
        {
            SessionId = state.SessionId,
            ScenarioId = state.ScenarioId,
            ScoredAt = DateTimeOffset.UtcNow,
            Detect = Sum(CheckCategory.Detect, false),
            DetectMax = Sum(CheckCategory.Detect, true),
            Fix = Sum(CheckCategory.Fix, false),
            FixMax = Sum(CheckCategory.Fix, true),
            Trap = Sum(CheckCategory.Trap, false),
            TrapMax = Sum(CheckCategory.Trap, true),
            Passed = checks.Where(c => c.Category != CheckCategory.Detect).All(c => c.Passed),
            HintsUsed = state.HintsUsed,
            Submission = state.Submissions,
            Checks = checks.ToArray(),
        };
    }

    /// <summary>Commands used count on their own; otherwise the SQL and the workload replay must both pass where given.</summary>
    private static async Task<(bool Passed, string Evidence)> EvaluateCheckAsync(SessionRecord state, ScenarioDefinition definition, CheckDefinition check,
        CancellationToken cancellationToken)
    {
        var evidence = new List<string>();
        var used = check.Commands.Where(c => state.CommandsUsed.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (used.Count > 0)
        {
            return (true, "used " + string.Join(", ", used));
        }

        var hasTest = false;
        var passed = true;
        if (!string.IsNullOrWhiteSpace(check.Sql))
        {
            hasTest = true;
            var (ok, text) = await RunCheckSqlAsync(state, check, cancellationToken).ConfigureAwait(false);
            passed &= ok;
            evidence.Add(text);
        }

        foreach (var actorName in check.Workload)
        {
            hasTest = true;
            var actor = definition.Actors.First(a => a.Name == actorName);
            var (ok, text) = await ReplayAsync(state, actor, cancellationToken).ConfigureAwait(false);
            passed &= ok;
            evidence.Add(text);
        }

        if (!hasTest)
        {
            return (false, check.Commands.Count > 0 ? "not used: " + string.Join(", ", check.Commands) : "");
        }

        return (passed, string.Join("; ", evidence.Where(e => e.Length > 0)));
    }

    private static async Task<(bool, string)> RunCheckSqlAsync(SessionRecord state, CheckDefinition check, CancellationToken cancellationToken)
    {
        var database = check.Database.Length > 0 ? check.Database : ScenarioIds.DefaultDatabase;
        try
        {
            await using var connection = await OpenAsAsync(state, check.Role, database, cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(check.Sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return (false, "the check returned no row");
            }

            var passed = !reader.IsDBNull(0) && reader.GetBoolean(0);
            var text = reader.FieldCount > 1 && !reader.IsDBNull(1) ? Convert.ToString(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";
            return (passed, text.Length > 0 ? text : passed ? "yes" : "no");
        }
        catch (PostgresException ex)
        {
            return (false, $"{ex.SqlState}: {ex.MessageText}");
        }
    }

    /// <summary>One pass of an actor's statements, as that actor, rolled back so scoring never changes the state it scores.</summary>
    private static async Task<(bool, string)> ReplayAsync(SessionRecord state, ActorDefinition actor, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsAsync(state, actor.Role, actor.Database, cancellationToken, "ride-replay " + actor.Name)
                .ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var options = new NpgsqlCommand(ReplayOptions, connection, transaction))
            {
                await options.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var statement in actor.Sql)
            {
                await using var command = new NpgsqlCommand(statement, connection, transaction);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                }
            }

            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return (true, $"{actor.Name}: ok");
        }
        catch (PostgresException ex)
        {
            return (false, $"{actor.Name}: {ex.SqlState} {ex.MessageText}");
        }
        catch (NpgsqlException ex)
        {
            return (false, $"{actor.Name}: {ex.Message}");
        }
    }

    private static Task<NpgsqlConnection> OpenAsAsync(SessionRecord state, string role, string database, CancellationToken cancellationToken,
        string applicationName = Database.RideApplicationName)
    {
        if (role.Length == 0 || role == state.SuperUser)
        {
            return Database.OpenAsync(state.Primary, state.SuperUser, state.SuperPassword, database, cancellationToken, applicationName);
        }

        var password = role == state.OperatorRole ? state.OperatorPassword : state.RolePasswords[role];
        return Database.OpenAsync(state.Primary, role, password, database, cancellationToken, applicationName);
    }
}
