using System.Diagnostics;
using System.Threading.Channels;
using Npgsql;
using Ride.Workload;

namespace Ride.Actors;

/// <summary>
/// One connection of one actor for one generation: it connects (again, like a pool, unless the actor is a one-shot
/// job), runs the actor's statements as its mode says, records every outcome, and answers rounds.
/// </summary>
internal sealed class ActorConnection
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MinimumHoldPoll = TimeSpan.FromSeconds(1);

    private readonly ActorSpec _spec;
    private readonly ActorDefinition _actor;
    private readonly int _number;
    private readonly ChannelWriter<AppLogEntry> _log;
    private readonly Task<bool> _incident;
    private readonly Rounds _rounds;
    private Task<Round> _nextRound;
    private Round? _owed;
    private bool _incidentSeen;
    private volatile bool _busy;

    private readonly NpgsqlDataSource _dataSource;

    public ActorConnection(ActorSpec spec, NpgsqlDataSource dataSource, int number, ChannelWriter<AppLogEntry> log, Task<bool> incident, Rounds rounds)
    {
        _spec = spec;
        _dataSource = dataSource;
        _actor = spec.Actor;
        _number = number;
        _log = log;
        _incident = incident;
        _rounds = rounds;
        _nextRound = rounds.Next;
    }

    /// <summary>Running statements right now.</summary>
    public bool Busy => _busy;

    public async Task RunAsync(CancellationToken stop)
    {
        if (_actor.StartAfterIncident && !await _incident.ConfigureAwait(false))
        {
            return;
        }

        _incidentSeen = _incident.IsCompleted;

        // A client that connects per request keeps nothing that a fix could cut: it owes rounds nothing.
        if (!_actor.ConnectPerRequest)
        {
            _rounds.Join(this);
        }

        _nextRound = _rounds.Next;

        try
        {
            var stagger = TimeSpan.FromMilliseconds(Math.Min(_actor.IntervalMs, 1000) * (_number - 1) / Math.Max(1, _actor.Connections));
            if (_actor.ConnectPerRequest)
            {
                await SleepAsync(stagger, stop).ConfigureAwait(false);
                await RunPerRequestAsync(_dataSource, stop).ConfigureAwait(false);
            }
            else
            {
                await RunKeptAsync(_dataSource, stagger, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            _rounds.Leave(this, _owed);
        }
    }

    /// <summary>A pooled client: one connection kept open, opened again when the server ends it.</summary>
    private async Task RunKeptAsync(NpgsqlDataSource dataSource, TimeSpan stagger, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var pid = 0;

            // Whether the connection had opened: its pid cannot say, since a pooler hands out made-up (possibly negative) ones.
            var connected = false;
            try
            {
                await using var connection = dataSource.CreateConnection();
                await connection.OpenAsync(stop).ConfigureAwait(false);
                connected = true;
                pid = connection.ProcessID;
                Record(pid, AppLogEvents.Connect, null, 0);
                PayRound();
                if (_actor.Mode == ActorModes.Loop)
                {
                    await SleepAsync(stagger, stop).ConfigureAwait(false);
                    await AnswerRoundAsync(connection, stop).ConfigureAwait(false);
                    while (true)
                    {
                        await RequestAsync(connection, stop).ConfigureAwait(false);
                        PayRound();
                        await SleepAsync(TimeSpan.FromMilliseconds(_actor.IntervalMs), stop).ConfigureAwait(false);
                        await AnswerRoundAsync(connection, stop).ConfigureAwait(false);
                    }
                }

                await HoldAsync(connection, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                // The connection is gone (terminated, server restarted) or never came: record it and try again like a pool would.
                var state = (ex as PostgresException)?.SqlState ?? (ex.InnerException as PostgresException)?.SqlState ?? "08006";
                Record(pid, connected ? AppLogEvents.Disconnect : AppLogEvents.Connect, (state, (ex as PostgresException)?.MessageText ?? ex.Message), 0);
                if (!connected)
                {
                    PayRound();
                }

                if (connected && !_actor.Reconnect)
                {
                    return;
                }

                // A round waits for the reconnect: it goes at once instead of after the usual pause.
                if (_owed is null)
                {
                    await SleepAsync(ReconnectDelay, stop).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>hold and idle: run the statements once (hold: inside a transaction that stays open), then keep the connection.</summary>
    private async Task HoldAsync(NpgsqlConnection connection, CancellationToken stop)
    {
        var watch = Stopwatch.StartNew();
        var statements = _actor.Mode == ActorModes.Hold ? _actor.Sql.Prepend("BEGIN") : _actor.Sql;
        Record(connection.ProcessID, AppLogEvents.Request, await RunStatementsAsync(connection, statements, stop).ConfigureAwait(false),
            watch.Elapsed.TotalMilliseconds);
        PayRound();

        // Poll now and then, and at every round, so a terminated backend is noticed (and reconnected) without
        // sending anything inside the open transaction.
        var poll = TimeSpan.FromMilliseconds(Math.Max(_actor.IntervalMs, MinimumHoldPoll.TotalMilliseconds));
        while (true)
        {
            await SleepAsync(poll, stop).ConfigureAwait(false);
            await CheckAliveAsync(connection, stop).ConfigureAwait(false);
            PayRound();
        }
    }

    /// <summary>A round asked how this idle connection stands: still there (answered now), or gone (the reconnect answers).</summary>
    private async Task AnswerRoundAsync(NpgsqlConnection connection, CancellationToken stop)
    {
        if (_owed is not null)
        {
            await CheckAliveAsync(connection, stop).ConfigureAwait(false);
            PayRound();
        }
    }

    /// <summary>Throws when the server has ended the connection, without sending anything (an open transaction stays as it is).</summary>
    private static async Task CheckAliveAsync(NpgsqlConnection connection, CancellationToken stop)
    {
        if (connection.FullState.HasFlag(System.Data.ConnectionState.Broken) || connection.State != System.Data.ConnectionState.Open)
        {
            throw new NpgsqlException("The connection was closed by the server.");
        }

        // Waiting briefly for server messages surfaces a termination already sent.
        await connection.WaitAsync(10, stop).ConfigureAwait(false);
    }

    /// <summary>A client without a pool: every request opens its own connection, so a refused connection is a failed request.</summary>
    private async Task RunPerRequestAsync(NpgsqlDataSource dataSource, CancellationToken stop)
    {
        while (true)
        {
            var watch = Stopwatch.StartNew();
            var pid = 0;
            (string State, string Message)? failure;
            try
            {
                await using var connection = dataSource.CreateConnection();
                await connection.OpenAsync(stop).ConfigureAwait(false);
                pid = connection.ProcessID;
                failure = await RunStatementsAsync(connection, _actor.Sql, stop).ConfigureAwait(false);
            }
            catch (PostgresException ex)
            {
                failure = (ex.SqlState, ex.MessageText);
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
            {
                failure = ((ex.InnerException as PostgresException)?.SqlState ?? "08006", ex.Message);
            }

            Record(pid, AppLogEvents.Request, failure, watch.Elapsed.TotalMilliseconds);
            PayRound();
            await SleepAsync(TimeSpan.FromMilliseconds(_actor.IntervalMs), stop).ConfigureAwait(false);
        }
    }

    private async Task RequestAsync(NpgsqlConnection connection, CancellationToken stop)
    {
        var watch = Stopwatch.StartNew();
        var failure = await RunStatementsAsync(connection, _actor.Sql, stop).ConfigureAwait(false);
        Record(connection.ProcessID, AppLogEvents.Request, failure, watch.Elapsed.TotalMilliseconds);
    }

    private async Task<(string State, string Message)?> RunStatementsAsync(NpgsqlConnection connection, IEnumerable<string> statements, CancellationToken stop)
    {
        _busy = true;
        try
        {
            return await Statements.RunAsync(connection, statements, stop).ConfigureAwait(false);
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>
    /// A pause that ends early for the incident (the first request that meets it goes at once, as from a busy
    /// application, not up to an interval later) and for a round (which this connection then owes an answer).
    /// </summary>
    private async Task SleepAsync(TimeSpan duration, CancellationToken stop)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var delay = Task.Delay(duration, wake.Token);
        var waits = new List<Task> { delay, _nextRound };
        if (!_incidentSeen)
        {
            waits.Add(_incident);
        }

        await Task.WhenAny(waits).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        stop.ThrowIfCancellationRequested();
        _incidentSeen |= _incident.IsCompletedSuccessfully && _incident.Result;
        if (_nextRound.IsCompletedSuccessfully)
        {
            _owed = _nextRound.Result;
            _nextRound = _rounds.Next;
        }
    }

    /// <summary>This connection has acted since the round it owes began: tell the round.</summary>
    private void PayRound()
    {
        if (_nextRound.IsCompletedSuccessfully)
        {
            // A round started while this connection was busy: what it just finished is its answer.
            _owed = _nextRound.Result;
            _nextRound = _rounds.Next;
        }

        _owed?.Done(this);
        _owed = null;
    }

    private void Record(int pid, string kind, (string State, string Message)? failure, double ms) =>
        _log.TryWrite(new AppLogEntry
        {
            Time = DateTimeOffset.UtcNow,
            Actor = _actor.Name,
            ApplicationName = _actor.ApplicationName,
            Connection = _number,
            BackendPid = pid,
            Event = kind,
            Ok = failure is null,
            SqlState = failure?.State,
            Message = failure?.Message,
            DurationMs = Math.Round(ms, 2),
        });
}

/// <summary>
/// One data source per actor for the life of the process: it learns the server's types once, not at every connect
/// and every Reset. The slim builder leaves out what an actor never needs (TLS, type plugins) and needs no reflection.
/// </summary>
internal static class ActorDataSources
{
    public static NpgsqlDataSource For(ActorSpec spec) =>
        new NpgsqlSlimDataSourceBuilder(new NpgsqlConnectionStringBuilder
        {
            Host = spec.Host,
            Port = spec.Port,
            Database = spec.Actor.Database,
            Username = spec.Actor.Role,
            Password = spec.Password,
            ApplicationName = spec.Actor.ApplicationName,
            Pooling = false,
            Timeout = 10,
            CommandTimeout = 0,
            Multiplexing = false,
        }.ConnectionString).Build();
}

/// <summary>Running an actor's statements: every row read, a statement error is the request's outcome, a lost connection is thrown.</summary>
internal static class Statements
{
    public static async Task<(string State, string Message)?> RunAsync(NpgsqlConnection connection, IEnumerable<string> statements, CancellationToken stop)
    {
        foreach (var statement in statements)
        {
            try
            {
                await using var command = new NpgsqlCommand(statement, connection);
                await using var reader = await command.ExecuteReaderAsync(stop).ConfigureAwait(false);
                while (await reader.ReadAsync(stop).ConfigureAwait(false))
                {
                }
            }
            catch (PostgresException ex) when (!IsConnectionFatal(ex))
            {
                return (ex.SqlState, ex.MessageText);
            }
        }

        return null;
    }

    private static bool IsConnectionFatal(PostgresException ex) =>
        ex.SqlState.StartsWith("08", StringComparison.Ordinal) || ex.SqlState.StartsWith("57P", StringComparison.Ordinal);
}
