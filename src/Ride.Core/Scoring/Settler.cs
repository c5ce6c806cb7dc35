using Npgsql;
using Ride.Common;
using Ride.Engines;
using Ride.Scenarios;
using Ride.Sessions;
using Ride.Workload;

namespace Ride.Scoring;

/// <summary>
/// Waits, after a fix, until what the fix set in motion has happened, judged on facts rather than on time: every
/// backend the fix told to terminate has gone (each live application backend is made to answer a signal that it can
/// only answer after a pending termination, so none is still on its way out), and then every application connection
/// has acted once more (a request, or its reconnect, or the refusal of it).
/// </summary>
internal sealed class Settler
{
    private static readonly TimeSpan TerminationTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(15);

    private readonly RideContext _context;

    public Settler(RideContext context) => _context = context;

    public async Task SettleAsync(SessionRecord state, ScenarioDefinition definition, ISandboxNode primary, CancellationToken cancellationToken)
    {
        await WaitForTerminationsAsync(state, definition, primary, cancellationToken).ConfigureAwait(false);
        await _context.Actors.RoundAsync(_context.SessionDirectory(state.SessionId), state.ActorsPid, RoundTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A backend told to terminate acts on it before anything else it is asked: so each live application backend is
    /// asked to log its memory contexts, and has settled once it has either logged them or gone. Only needed when the
    /// fix terminated something, as the operator's statement statistics tell.
    /// </summary>
    private static async Task WaitForTerminationsAsync(SessionRecord state, ScenarioDefinition definition, ISandboxNode primary, CancellationToken cancellationToken)
    {
        var connections = new SessionConnections(state);
        NpgsqlConnection connection;
        try
        {
            connection = await connections.OpenSystemAsync("postgres", cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // Ride cannot get in right now; the guard deals with that, and the score says what could not be reached.
            return;
        }

        await using (connection)
        {
            await using (var terminated = new NpgsqlCommand(
                """
                SELECT EXISTS (SELECT 1 FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
                               WHERE r.rolname = @operator AND (s.query ~* 'pg_terminate_backend' OR s.query ~* 'with\s*\(\s*force'))
                """, connection))
            {
                terminated.Parameters.AddWithValue("operator", state.OperatorRole);
                try
                {
                    if (await terminated.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
                    {
                        return;
                    }
                }
                catch (PostgresException)
                {
                    // No statement statistics (the fix may have dropped the extension): assume the worst and wait.
                }
            }

            var applications = definition.Actors.Select(a => a.ApplicationName).Distinct().ToArray();
            var asked = new List<int>();
            await using (var ask = new NpgsqlCommand(
                """
                SELECT pid FROM pg_stat_activity
                WHERE backend_type = 'client backend' AND application_name = ANY(@applications) AND pg_log_backend_memory_contexts(pid)
                """, connection))
            {
                ask.Parameters.AddWithValue("applications", applications);
                await using var reader = await ask.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    asked.Add(reader.GetInt32(0));
                }
            }

            try
            {
                await Poll.UntilAsync("terminated backends to go", TerminationTimeout, TimeSpan.FromMilliseconds(20), async token =>
                    {
                        var answered = ServerLogParser.Parse(await primary.ReadServerLogAsync(token).ConfigureAwait(false))
                            .Where(l => l.Message.StartsWith("logging memory contexts of PID ", StringComparison.Ordinal))
                            .Select(l => l.Message["logging memory contexts of PID ".Length..].Trim())
                            .ToHashSet();
                        await using var alive = new NpgsqlCommand("SELECT array_agg(pid) FROM pg_stat_activity WHERE pid = ANY(@pids)", connection);
                        alive.Parameters.AddWithValue("pids", asked.ToArray());
                        var present = await alive.ExecuteScalarAsync(token).ConfigureAwait(false) as int[] ?? Array.Empty<int>();
                        var pending = present.Where(pid => !answered.Contains(pid.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
                        return pending.Count == 0
                            ? PollProbe<bool>.Finished(true)
                            : PollProbe<bool>.Waiting(false, "backends neither gone nor answering: " + string.Join(", ", pending));
                    }, cancellationToken).ConfigureAwait(false);
            }
            catch (PollTimeoutException)
            {
                // A backend stuck in uninterruptible work is left as it is: the checks see it as it is.
            }
        }
    }
}
