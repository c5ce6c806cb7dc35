using System.Globalization;
using System.Text.Json;
using Npgsql;
using Ride.Sessions;
using Ride.Workload;

namespace Ride.Scoring;

/// <summary>
/// What an actor's statement costs the planner, as that actor sees it: deterministic for a given state (no timing),
/// and the measure by which Fix checks judge an outcome rather than the shape of a plan.
/// </summary>
public static class StatementCost
{
    /// <summary>The total cost of the plan, or why there is none (a lock the planner could not get, an error).</summary>
    public static async Task<(double? Cost, string Problem)> MeasureAsync(ScopedConnections connections, ActorDefinition actor, int statement,
        CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        try
        {
            var asActor = true;
            try
            {
                connection = await connections.TakeReplayAsync(actor, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.TooManyConnections)
            {
                // The incident has taken every slot the applications may use (a connection storm): the plan is still the
                // actor's when Ride's own role, which has reserved slots, takes on the actor's role and its settings.
                connection = await connections.TakeAsync(actor.Node, "", actor.Database, SessionConnections.RideApplicationName, cancellationToken)
                    .ConfigureAwait(false);
                asActor = false;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (!asActor)
            {
                await using var become = new NpgsqlCommand(BecomeActorSql, connection, transaction);
                become.Parameters.AddWithValue("role", actor.Role);
                await become.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await ScopedConnections.NameReplayAsync(connection, transaction, actor, cancellationToken).ConfigureAwait(false);
            await using (var options = new NpgsqlCommand("SET LOCAL lock_timeout = '1s'", connection, transaction))
            {
                await options.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + actor.Sql[statement - 1], connection, transaction);
            var json = (string)(await explain.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            using var plan = JsonDocument.Parse(json);
            return (plan.RootElement[0].GetProperty("Plan").GetProperty("Total Cost").GetDouble(), "");
        }
        catch (PostgresException ex)
        {
            return (null, $"{ex.SqlState} {ex.MessageText}");
        }
        catch (NpgsqlException ex)
        {
            return (null, ex.Message);
        }
        finally
        {
            await connections.GiveBackAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What a login as the role would have brought (its settings for this database, then its settings everywhere, the
    /// database's own), then the role itself, for the rest of the transaction.
    /// </summary>
    private const string BecomeActorSql =
        """
        SELECT set_config(split_part(setting, '=', 1), substr(setting, strpos(setting, '=') + 1), true)
        FROM (SELECT unnest(s.setconfig) AS setting,
                     CASE WHEN s.setrole <> 0 AND s.setdatabase <> 0 THEN 3 WHEN s.setrole <> 0 THEN 2 ELSE 1 END AS precedence
              FROM pg_db_role_setting s
              WHERE s.setrole IN (0, (SELECT oid FROM pg_roles WHERE rolname = @role))
                AND s.setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))
                AND (s.setrole <> 0 OR s.setdatabase <> 0)) AS settings
        ORDER BY precedence;
        SELECT set_config('role', @role, true);
        """;

    public static string Format(double cost) => cost.ToString("0.##", CultureInfo.InvariantCulture);
}
