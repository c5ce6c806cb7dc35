using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Ride.Engines;
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

    /// <summary>The operator's statements as a table of Ride's database, published only for drills whose check SQL reads it.</summary>
    public const string OperatorStatementsTable = "operator_statements";

    private readonly RideContext _context;

    public ScoreEvaluator(RideContext context) => _context = context;

    public async Task<RideScore> EvaluateAsync(SessionRecord state, RideScenario scenario, CancellationToken cancellationToken,
        IReadOnlyList<RideCheck>? extraChecks = null)
    {
        var definition = scenario.Definition;
        var evidence = _context.EvidenceOf(state.SessionId).ForGeneration(state.Resets);

        var baseline = SessionBaseline.Load(_context.SessionDirectory(state.SessionId));
        var statements = await ReadStatementsAsync(state, cancellationToken).ConfigureAwait(false);

        await using var pool = new ScopedConnections(state);
        await ReplicaCatchUp.WaitAsync(state, pool, cancellationToken).ConfigureAwait(false);
        if (definition.Checks.All.Any(c => c.Sql.Contains(OperatorStatementsTable, StringComparison.OrdinalIgnoreCase)))
        {
            await PublishStatementsAsync(pool, statements, cancellationToken).ConfigureAwait(false);
        }

        var inputs = new CheckInputs(definition, evidence, statements, baseline, pool);
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
                var (passed, text) = await EvaluateCheckAsync(pool, inputs, check, cancellationToken).ConfigureAwait(false);
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

        checks.AddRange(await CatalogTrapsAsync(state, definition, baseline, statements, pool, cancellationToken).ConfigureAwait(false));

        checks.AddRange(extraChecks ?? Array.Empty<RideCheck>());
        return ScoreCard.Total(state.SessionId, state.ScenarioId, checks, state.HintsUsed, state.Submissions, DateTimeOffset.UtcNow);
    }

    /// <summary>Everything a check may judge besides the database state.</summary>
    private sealed record CheckInputs(ScenarioDefinition Definition, IReadOnlyList<EvidenceEvent> Evidence, IReadOnlyList<OperatorStatement> Statements,
        SessionBaseline? Baseline, ScopedConnections Connections);

    /// <summary>The operator's statements since the incident of this generation, from every node's log, in order.</summary>
    private async Task<IReadOnlyList<OperatorStatement>> ReadStatementsAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        var all = new List<OperatorStatement>();
        foreach (var node in state.Nodes)
        {
            try
            {
                var handle = await _context.Engines.OpenAsync(node, cancellationToken).ConfigureAwait(false);
                var lines = PoolerLogParser.ParseFor(node, await handle.ReadServerLogAsync(cancellationToken).ConfigureAwait(false));
                all.AddRange(OperatorStatements.From(lines, state.OperatorRole, node.Name, state.IncidentAt));
            }
            catch (Common.RideException)
            {
                // A node whose log cannot be read adds nothing; its checks say it cannot be reached.
            }
        }

        return all.OrderBy(s => s.Time).Select((s, i) => s with { Sequence = i + 1 }).ToList();
    }

    /// <summary>
    /// The statements as a table of Ride's database (ride.operator_statements: seq, at, node, database, pid, application,
    /// statement, is_read), so a check's SQL can ask about them in order.
    /// </summary>
    private static async Task PublishStatementsAsync(ScopedConnections pool, IReadOnlyList<OperatorStatement> statements, CancellationToken cancellationToken)
    {
        try
        {
            await pool.WithSystemAsync(DatabaseSnapshot.BookkeepingDatabase, connection => PublishAsync(connection, statements, cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // Ride cannot reach its own database right now: the checks that read the table fail and say so.
        }
    }

    private static async Task<bool> PublishAsync(NpgsqlConnection connection, IReadOnlyList<OperatorStatement> statements, CancellationToken cancellationToken)
    {
        await SessionConnections.ExecuteAsync(connection,
            """
            CREATE TABLE IF NOT EXISTS operator_statements (seq int, at timestamptz, node text, database text, pid int, application text, statement text, is_read bool);
            TRUNCATE operator_statements
            """, cancellationToken).ConfigureAwait(false);
        await using var import = await connection.BeginBinaryImportAsync(
            "COPY operator_statements (seq, at, node, database, pid, application, statement, is_read) FROM STDIN (FORMAT BINARY)", cancellationToken)
            .ConfigureAwait(false);
        foreach (var statement in statements)
        {
            await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(statement.Sequence, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(statement.Time is { } time ? time.UtcDateTime : (object)DBNull.Value, NpgsqlTypes.NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(statement.Node, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync((object?)statement.Database ?? DBNull.Value, NpgsqlTypes.NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(statement.Pid is { } pid ? pid : (object)DBNull.Value, NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync((object?)statement.Application ?? DBNull.Value, NpgsqlTypes.NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(statement.Text, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(statement.IsRead, cancellationToken).ConfigureAwait(false);
        }

        await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// A look (statements, or the Ride commands listed) decides a Detect check on its own; otherwise the SQL, the
    /// workload replays and the cost measure must all pass where given.
    /// </summary>
    private static async Task<(bool Passed, string Evidence)> EvaluateCheckAsync(ScopedConnections pool, CheckInputs inputs, CheckDefinition check,
        CancellationToken cancellationToken)
    {
        var firstChange = StatementChecks.FirstChange(check.Looked, inputs.Statements);
        var used = inputs.Evidence.Where(e => e.Kind == EvidenceKinds.Command && check.Commands.Contains(e.Name, StringComparer.OrdinalIgnoreCase)
                                              && (firstChange?.Time is not { } changed || e.Time < changed)).ToList();
        if (used.Count > 0)
        {
            return (true, "used " + string.Join(", ", used.GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
                .Select(g => $"{g.First().Name} at {g.First().Time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}")));
        }

        if (check.Looked is { } look)
        {
            return StatementChecks.Looked(look, inputs.Statements, check.Commands);
        }

        if (check.Did is { } did)
        {
            return StatementChecks.Did(did, inputs.Statements);
        }

        if (check.Action is { } action)
        {
            return ActionChecks.Evaluate(action, inputs.Evidence, trap: inputs.Definition.Checks.Trap.Contains(check));
        }

        var parts = new List<string>();
        var hasTest = false;
        var passed = true;
        if (!string.IsNullOrWhiteSpace(check.Sql))
        {
            hasTest = true;
            var (ok, text) = await RunCheckSqlAsync(pool, check, cancellationToken).ConfigureAwait(false);
            passed &= ok;
            parts.Add(text);
        }

        foreach (var actorName in check.Workload)
        {
            hasTest = true;
            var actor = inputs.Definition.Actors.First(a => a.Name == actorName);
            var (ok, text) = await ReplayAsync(pool, actor, cancellationToken).ConfigureAwait(false);
            passed &= ok;
            parts.Add(text);
        }

        if (check.Faster is { } faster)
        {
            hasTest = true;
            var (ok, text) = await FasterAsync(inputs, faster, cancellationToken).ConfigureAwait(false);
            passed &= ok;
            parts.Add(text);
        }

        if (!hasTest)
        {
            return (false, check.Commands.Count > 0 ? "not used: " + string.Join(", ", check.Commands) : "");
        }

        return (passed, string.Join("; ", parts.Where(e => e.Length > 0)));
    }

    /// <summary>The catalog-wide traps, judged on the primary as it is now against the baseline of the incident.</summary>
    private static async Task<IReadOnlyList<RideCheck>> CatalogTrapsAsync(SessionRecord state, ScenarioDefinition definition, SessionBaseline? baseline,
        IReadOnlyList<OperatorStatement> statements, ScopedConnections pool, CancellationToken cancellationToken)
    {
        if (CatalogTraps.Ids.All(definition.CatalogTraps.Exempt.Contains))
        {
            return Array.Empty<RideCheck>();
        }

        ClusterState now;
        try
        {
            now = await ClusterState.ReadAsync(pool, definition, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            return new[]
            {
                new RideCheck
                {
                    Category = CheckCategory.Trap, Name = "catalog-traps", Description = "The dangerous moves every drill watches for.", MaxPoints = 0,
                    Points = 0, Passed = false, Evidence = Unreachable(state.Primary.Name, ex), Node = state.Primary.Name,
                },
            };
        }

        return CatalogTraps.Evaluate(definition, baseline, now, statements, state.Primary.Name);
    }

    /// <summary>An actor's statement judged by its outcome: its planner cost now, against its cost when the incident began.</summary>
    private static async Task<(bool, string)> FasterAsync(CheckInputs inputs, FasterCondition faster, CancellationToken cancellationToken)
    {
        var actor = inputs.Definition.Actors.First(a => a.Name == faster.Actor);
        if (inputs.Baseline?.Costs.TryGetValue(SessionBaseline.CostKey(actor.Name, faster.Statement), out var before) is not true)
        {
            return (false, $"{actor.Name}: no cost was measured when the incident began");
        }

        var (now, problem) = await StatementCost.MeasureAsync(inputs.Connections, actor, faster.Statement, cancellationToken).ConfigureAwait(false);
        if (now is not { } cost)
        {
            return (false, $"{actor.Name}: its statement could not be planned ({problem})");
        }

        var ratio = before <= 0 ? 1 : cost / before;
        var verdict = $"{actor.Name}: planner cost {StatementCost.Format(before)} at the incident, {StatementCost.Format(cost)} now "
                      + $"({ratio.ToString("0.###", CultureInfo.InvariantCulture)} of it; at most {faster.AtMost.ToString("0.###", CultureInfo.InvariantCulture)} needed)";
        return (ratio <= faster.AtMost, verdict);
    }

    private static async Task<(bool, string)> RunCheckSqlAsync(ScopedConnections connections, CheckDefinition check, CancellationToken cancellationToken)
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
    private static async Task<(bool, string)> ReplayAsync(ScopedConnections connections, ActorDefinition actor, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await connections.TakeReplayAsync(actor, cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ScopedConnections.NameReplayAsync(connection, transaction, actor, cancellationToken).ConfigureAwait(false);
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
