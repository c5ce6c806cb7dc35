using Npgsql;
using Ride.Common;
using Ride.Engines;
using Ride.Sessions;

namespace Ride.Scoring;

/// <summary>
/// Before checks run, every replica of a running primary streams again and has replayed what the primary had written
/// when scoring began, so a check on a replica judges the fix and not how far a reconnect or replay happened to get.
/// A replica that is down, paused on purpose (a drill's incident) or not there within the bound is scored as it is:
/// that is what an operator would see.
/// </summary>
internal static class ReplicaCatchUp
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>Reset, before the incident runs again: replay resumed where the last incident paused it, then every replica caught up with the restore.</summary>
    public static async Task ResumeAndWaitAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        await using var pool = new ScopedConnections(state);
        foreach (var replica in state.Nodes.Where(n => n.Role == NodeRole.Replica && !n.StoppedOnPurpose))
        {
            try
            {
                await pool.WithSystemAsync("postgres", c => SessionConnections.ScalarAsync<object>(c,
                    "SELECT pg_wal_replay_resume() WHERE pg_is_in_recovery() AND pg_is_wal_replay_paused()", cancellationToken), cancellationToken, replica.Name)
                    .ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // Not reachable: the incident and the checks find it as it is.
            }
        }

        await WaitAsync(state, pool, cancellationToken, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    public static async Task WaitAsync(SessionRecord state, ScopedConnections pool, CancellationToken cancellationToken, TimeSpan? bound = null)
    {
        var replicas = state.Nodes.Where(n => n.Role == NodeRole.Replica).ToList();
        if (replicas.Count == 0)
        {
            return;
        }

        string? target;
        try
        {
            target = await pool.WithSystemAsync("postgres", c => SessionConnections.ScalarAsync<string>(c,
                "SELECT CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_wal_lsn()::text END", cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            return;
        }

        if (target is null)
        {
            return;
        }

        foreach (var replica in replicas)
        {
            try
            {
                await pool.WithSystemAsync("postgres", async connection =>
                {
                    await Poll.UntilAsync($"replica {replica.Name} to replay up to {target}", bound ?? Bound, TimeSpan.FromMilliseconds(20), async token =>
                        {
                            await using var command = new NpgsqlCommand(
                                """
                                SELECT NOT pg_is_in_recovery() OR pg_is_wal_replay_paused()
                                       OR (EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming')
                                           AND pg_last_wal_replay_lsn() >= @target::pg_lsn)
                                """, connection);
                            command.Parameters.AddWithValue("target", target);
                            return await command.ExecuteScalarAsync(token).ConfigureAwait(false) is true
                                ? PollProbe<bool>.Finished(true)
                                : PollProbe<bool>.Waiting(false, "replaying");
                        }, cancellationToken).ConfigureAwait(false);
                    return true;
                }, cancellationToken, replica.Name).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or PollTimeoutException)
            {
                // Down or slow: the checks on it say so.
            }
        }
    }
}
