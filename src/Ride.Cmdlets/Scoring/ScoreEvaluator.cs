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
        await using var connections = new CheckConnections(state);
        foreach (var (category, list) in new[]
                 {
                     (CheckCategory.Detect, definition.Checks.Detect),
                     (CheckCategory.Fix, definition.Checks.Fix),
                     (CheckCategory.Trap, definition.Checks.Trap),
                 })
        {
            foreach (var check in list)
            {
                var (passed, evidence) = await EvaluateCheckAsync(state, connections, definition, check, cancellationToken).ConfigureAwait(false);
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
    private static async Task<(bool Passed, string Evidence)> EvaluateCheckAsync(SessionRecord state, CheckConnections connections,
        ScenarioDefinition definition, CheckDefinition check, CancellationToken cancellationToken)
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
            var (ok, text) = await RunCheckSqlAsync(connections, check, cancellationToken).ConfigureAwait(false);
            passed &= ok;
            evidence.Add(text);
        }

        foreach (var actorName in check.Workload)
        {
            hasTest = true;
            var actor = definition.Actors.First(a => a.Name == actorName);
            var (ok, text) = await ReplayAsync(connections, actor, cancellationToken).ConfigureAwait(false);
            passed &= ok;
            evidence.Add(text);
        }

        if (!hasTest)
        {
            return (false, check.Commands.Count > 0 ? "not used: " + string.Join(", ", check.Commands) : "");
        }

        return (passed, string.Join("; ", evidence.Where(e => e.Length > 0)));
    }

    private static async Task<(bool, string)> RunCheckSqlAsync(CheckConnections connections, CheckDefinition check, CancellationToken cancellationToken)
    {
        var database = check.Database.Length > 0 ? check.Database : ScenarioIds.DefaultDatabase;
        NpgsqlConnection? connection = null;
        try
        {
            connection = await connections.TakeAsync(check.Role, database, Database.RideApplicationName, cancellationToken).ConfigureAwait(false);
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
        finally
        {
            await connections.GiveBackAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One pass of an actor's statements, as that actor, rolled back so scoring never changes the state it scores.</summary>
    private static async Task<(bool, string)> ReplayAsync(CheckConnections connections, ActorDefinition actor, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await connections.TakeAsync(actor.Role, actor.Database, "ride-replay " + actor.Name, cancellationToken).ConfigureAwait(false);
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
        finally
        {
            await connections.GiveBackAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// The connections one scoring pass uses, one per role, database and application name, so a score costs a few
/// logins rather than one per check. A connection goes back only after DISCARD ALL, so no check sees what the
/// previous one left (temporary functions, settings); one that cannot be reset is closed instead.
/// </summary>
internal sealed class CheckConnections : IAsyncDisposable
{
    private readonly SessionRecord _state;
    private readonly Dictionary<(string Role, string Database, string Application), NpgsqlConnection> _idle = new();
    private readonly Dictionary<NpgsqlConnection, (string Role, string Database, string Application)> _keys = new();

    public CheckConnections(SessionRecord state) => _state = state;

    public async Task<NpgsqlConnection> TakeAsync(string role, string database, string applicationName, CancellationToken cancellationToken)
    {
        var key = (role.Length == 0 ? _state.SuperUser : role, database, applicationName);
        if (_idle.Remove(key, out var idle))
        {
            return idle;
        }

        var password = key.Item1 == _state.SuperUser ? _state.SuperPassword
            : key.Item1 == _state.OperatorRole ? _state.OperatorPassword
            : _state.RolePasswords[key.Item1];
        var connection = await Database.OpenAsync(_state.Primary, key.Item1, password, database, cancellationToken, applicationName).ConfigureAwait(false);
        _keys[connection] = key;
        return connection;
    }

    public async Task GiveBackAsync(NpgsqlConnection? connection, CancellationToken cancellationToken)
    {
        if (connection is null || !_keys.TryGetValue(connection, out var key))
        {
            return;
        }

        try
        {
            if (connection.State == System.Data.ConnectionState.Open && !_idle.ContainsKey(key))
            {
                await using var discard = new NpgsqlCommand("DISCARD ALL", connection);
                await discard.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _idle[key] = connection;
                return;
            }
        }
        catch (NpgsqlException)
        {
            // Left in a transaction or broken: not worth keeping.
        }

        _keys.Remove(connection);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _keys.Keys)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _keys.Clear();
        _idle.Clear();
    }
}
