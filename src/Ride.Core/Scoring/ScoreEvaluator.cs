using System.Globalization;
using Npgsql;
using Ride.Evidence;
using Ride.Scenarios;
using Ride.Sessions;
using Ride.Workload;

namespace Ride.Scoring;

/// <summary>
/// Runs a scenario's checks against the current state of a session. Every check is a pure function of the database
/// state, the statement statistics and the evidence log, so the same state scores the same. A node that cannot be
/// reached fails the checks that need it, with that as their evidence; it never stops the score.
/// </summary>
public sealed class ScoreEvaluator
{
    private const string ReplayOptions = "SET LOCAL statement_timeout = '5s'; SET LOCAL lock_timeout = '1s'";

    private readonly RideContext _context;

    public ScoreEvaluator(RideContext context) => _context = context;

    public async Task<RideScore> EvaluateAsync(SessionRecord state, RideScenario scenario, CancellationToken cancellationToken,
        IReadOnlyList<RideCheck>? extraChecks = null)
    {
        var definition = scenario.Definition;
        var evidence = _context.EvidenceOf(state.SessionId).ForGeneration(state.Resets);
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
                var (passed, text) = await EvaluateCheckAsync(connections, definition, evidence, check, cancellationToken).ConfigureAwait(false);
                checks.Add(new RideCheck
                {
                    Category = category,
                    Name = check.Name,
                    Description = check.Description,
                    MaxPoints = check.Points,
                    Points = passed ? check.Points : 0,
                    Passed = passed,
                    Evidence = text,
                    Node = state.Node(check.Node).Name,
                });
            }
        }

        checks.AddRange(extraChecks ?? Array.Empty<RideCheck>());
        return ScoreCard.Total(state.SessionId, state.ScenarioId, checks, state.HintsUsed, state.Submissions, DateTimeOffset.UtcNow);
    }

    /// <summary>Commands used count on their own; otherwise the SQL and the workload replay must both pass where given.</summary>
    private static async Task<(bool Passed, string Evidence)> EvaluateCheckAsync(CheckConnections connections, ScenarioDefinition definition,
        IReadOnlyList<EvidenceEvent> evidence, CheckDefinition check, CancellationToken cancellationToken)
    {
        var used = evidence.Where(e => e.Kind == EvidenceKinds.Command && check.Commands.Contains(e.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (used.Count > 0)
        {
            return (true, "used " + string.Join(", ", used.GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
                .Select(g => $"{g.First().Name} at {g.First().Time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}")));
        }

        var parts = new List<string>();
        var hasTest = false;
        var passed = true;
        if (!string.IsNullOrWhiteSpace(check.Sql))
        {
            hasTest = true;
            var (ok, text) = await RunCheckSqlAsync(connections, check, cancellationToken).ConfigureAwait(false);
            passed &= ok;
            parts.Add(text);
        }

        foreach (var actorName in check.Workload)
        {
            hasTest = true;
            var actor = definition.Actors.First(a => a.Name == actorName);
            var (ok, text) = await ReplayAsync(connections, actor, cancellationToken).ConfigureAwait(false);
            passed &= ok;
            parts.Add(text);
        }

        if (!hasTest)
        {
            return (false, check.Commands.Count > 0 ? "not used: " + string.Join(", ", check.Commands) : "");
        }

        return (passed, string.Join("; ", parts.Where(e => e.Length > 0)));
    }

    private static async Task<(bool, string)> RunCheckSqlAsync(CheckConnections connections, CheckDefinition check, CancellationToken cancellationToken)
    {
        var database = check.Database.Length > 0 ? check.Database : ScenarioIds.DefaultDatabase;
        NpgsqlConnection? connection = null;
        try
        {
            connection = await connections.TakeAsync(check.Node, check.Role, database, SessionConnections.RideApplicationName, cancellationToken)
                .ConfigureAwait(false);
            return await CheckQuery.RunAsync(connection, check.Sql, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            return (false, Unreachable(check.Node, ex));
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
            connection = await connections.TakeAsync(actor.Node, actor.Role, actor.Database, "ride-replay " + actor.Name, cancellationToken).ConfigureAwait(false);
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

    private static string Unreachable(string node, NpgsqlException ex) =>
        $"could not reach node {(node.Length > 0 ? node : "primary")}: {(ex is PostgresException pg ? pg.SqlState + " " + pg.MessageText : ex.Message)}";
}

/// <summary>
/// The connections one scoring pass uses, one per node, role, database and application name, so a score costs a
/// few logins rather than one per check. A connection goes back only after DISCARD ALL, so no check sees what the
/// previous one left (temporary functions, settings); one that cannot be reset is closed instead.
/// </summary>
internal sealed class CheckConnections : IAsyncDisposable
{
    private readonly SessionRecord _state;
    private readonly SessionConnections _connections;
    private readonly Dictionary<(string Node, string Role, string Database, string Application), NpgsqlConnection> _idle = new();
    private readonly Dictionary<NpgsqlConnection, (string Node, string Role, string Database, string Application)> _keys = new();

    public CheckConnections(SessionRecord state)
    {
        _state = state;
        _connections = new SessionConnections(state);
    }

    public async Task<NpgsqlConnection> TakeAsync(string node, string role, string database, string applicationName, CancellationToken cancellationToken)
    {
        var key = (_state.Node(node).Name, role.Length == 0 ? _state.SuperUser : role, database, applicationName);
        if (_idle.Remove(key, out var idle))
        {
            return idle;
        }

        var connection = await _connections.OpenAsync(key.Item2, database, applicationName, cancellationToken, key.Item1).ConfigureAwait(false);
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
