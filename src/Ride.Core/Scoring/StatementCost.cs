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
            connection = await connections.TakeReplayAsync(actor, cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
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

    public static string Format(double cost) => cost.ToString("0.##", CultureInfo.InvariantCulture);
}
