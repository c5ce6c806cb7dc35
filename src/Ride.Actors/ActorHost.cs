using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using Ride.Workload;

namespace Ride.Actors;

/// <summary>
/// The body of the actors process: holds each actor's real connections, runs its statements on schedule and
/// records every outcome. It ends when told (SIGTERM) or when its session folder disappears.
/// </summary>
public static class ActorHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            await Console.Error.WriteLineAsync("usage: Ride.Actors <actors.json>").ConfigureAwait(false);
            return 2;
        }

        var configuration = JsonSerializer.Deserialize(await File.ReadAllTextAsync(args[0]).ConfigureAwait(false), ActorJson.Default.ActorConfiguration)!;
        // A line in actors.out shows the process got this far, which a failed start reports.
        Console.WriteLine($"{DateTimeOffset.UtcNow:O} actors process {Environment.ProcessId}: {configuration.Actors.Sum(a => a.Connections)} connection(s)");
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => context.Cancel = true);

        var watcher = WatchSessionAsync(configuration.SessionDirectory, stop);
        var pausedFile = Path.Combine(configuration.SessionDirectory, ActorFiles.Paused);

        // Ride starts the process while the scenario's setup still runs, paused: the runtime's start overlaps the setup.
        var startPaused = await ReadPauseRequestAsync(configuration.SessionDirectory, CancellationToken.None).ConfigureAwait(false);
        if (startPaused is not null)
        {
            await File.WriteAllTextAsync(pausedFile, startPaused).ConfigureAwait(false);
            if (!await WaitForResumeAsync(configuration.SessionDirectory, stop.Token).ConfigureAwait(false))
            {
                stop.Cancel();
            }
        }

        while (!stop.IsCancellationRequested)
        {
            var pause = await RunGenerationAsync(configuration, stop.Token).ConfigureAwait(false);
            if (pause is null)
            {
                break;
            }

            // Every connection is closed and the log is flushed: tell Ride, then wait until it lets the actors go again.
            await File.WriteAllTextAsync(pausedFile, pause).ConfigureAwait(false);

            // What the last run allocated is garbage now; give it back while Ride restores the databases, so a
            // session that is reset again and again keeps the footprint of a fresh one.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            if (!await WaitForResumeAsync(configuration.SessionDirectory, stop.Token).ConfigureAwait(false))
            {
                break;
            }
        }

        stop.Cancel();
        await watcher.ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// Runs every actor until the process stops (returns null) or Ride asks for a pause (returns the pause token).
    /// A Reset pauses the actors instead of restarting the process, which saves the runtime's start.
    /// </summary>
    private static async Task<string?> RunGenerationAsync(ActorConfiguration configuration, CancellationToken stop)
    {
        using var generation = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var log = Channel.CreateUnbounded<AppLogEntry>(new UnboundedChannelOptions { SingleReader = true });
        var writer = WriteLogAsync(configuration.LogPath, log.Reader);
        var incident = WaitForIncidentAsync(configuration.SessionDirectory, generation.Token);
        var workers = new List<Task>();
        foreach (var actor in configuration.Actors)
        {
            for (var i = 1; i <= actor.Connections; i++)
            {
                workers.Add(RunConnectionAsync(configuration, actor, i, log.Writer, incident, generation.Token));
            }
        }

        var pause = await WaitForPauseRequestAsync(configuration.SessionDirectory, generation.Token).ConfigureAwait(false);
        generation.Cancel();
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await incident.ConfigureAwait(false);
        log.Writer.Complete();
        await writer.ConfigureAwait(false);
        return pause;
    }

    private static async Task<string?> WaitForPauseRequestAsync(string sessionDirectory, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                if (await ReadPauseRequestAsync(sessionDirectory, stop).ConfigureAwait(false) is { } token)
                {
                    return token;
                }

                await Task.Delay(25, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The token of a pending pause request, or null when there is none.</summary>
    private static async Task<string?> ReadPauseRequestAsync(string sessionDirectory, CancellationToken stop)
    {
        var request = Path.Combine(sessionDirectory, ActorFiles.Pause);
        if (!File.Exists(request))
        {
            return null;
        }

        try
        {
            var token = (await File.ReadAllTextAsync(request, stop).ConfigureAwait(false)).Trim();
            return token.Length > 0 ? token : null;
        }
        catch (FileNotFoundException)
        {
            // Withdrawn between the check and the read.
            return null;
        }
    }

    private static async Task<bool> WaitForResumeAsync(string sessionDirectory, CancellationToken stop)
    {
        var request = Path.Combine(sessionDirectory, ActorFiles.Pause);
        try
        {
            while (File.Exists(request))
            {
                await Task.Delay(25, stop).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Ride writes the cue file once incident.sql has run; actors that belong to the incident wait for it.</summary>
    private static async Task<bool> WaitForIncidentAsync(string sessionDirectory, CancellationToken stop)
    {
        var cue = Path.Combine(sessionDirectory, ActorFiles.IncidentCue);
        try
        {
            while (!File.Exists(cue))
            {
                await Task.Delay(25, stop).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task WatchSessionAsync(string sessionDirectory, CancellationTokenSource stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(500, stop.Token).ConfigureAwait(false);
                if (!Directory.Exists(sessionDirectory) || File.Exists(Path.Combine(sessionDirectory, ActorFiles.Stop)))
                {
                    stop.Cancel();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task WriteLogAsync(string path, ChannelReader<AppLogEntry> reader)
    {
        await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        await using var writer = new StreamWriter(stream);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var entry))
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(entry, ActorJson.Default.AppLogEntry)).ConfigureAwait(false);
            }

            await writer.FlushAsync().ConfigureAwait(false);
        }
    }

    private static async Task RunConnectionAsync(ActorConfiguration configuration, ActorSpec actor, int number, ChannelWriter<AppLogEntry> log,
        Task<bool> incident, CancellationToken stop)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = configuration.Host,
            Port = configuration.Port,
            Database = actor.Database,
            Username = actor.Role,
            Password = actor.Password,
            ApplicationName = actor.ApplicationName,
            Pooling = false,
            Timeout = 10,
            CommandTimeout = 0,
            Multiplexing = false,
        };

        // The slim builder leaves out what an actor never needs (TLS, type plugins) and needs no reflection.
        await using var dataSource = new NpgsqlSlimDataSourceBuilder(builder.ConnectionString).Build();
        var stagger = TimeSpan.FromMilliseconds(Math.Min(actor.IntervalMs, 1000) * (number - 1) / Math.Max(1, actor.Connections));
        if (actor.StartAfterIncident && !await incident.ConfigureAwait(false))
        {
            return;
        }

        if (actor.ConnectPerRequest)
        {
            await RunPerRequestAsync(dataSource, actor, number, stagger, log, incident, stop).ConfigureAwait(false);
            return;
        }

        while (!stop.IsCancellationRequested)
        {
            NpgsqlConnection? connection = null;
            var pid = 0;
            try
            {
                connection = dataSource.CreateConnection();
                await connection.OpenAsync(stop).ConfigureAwait(false);
                pid = connection.ProcessID;
                Record(log, actor, number, pid, "connect", null, 0);
                if (actor.Mode is "hold" or "idle")
                {
                    await HoldAsync(connection, actor, number, log, stop).ConfigureAwait(false);
                }
                else
                {
                    await Task.Delay(stagger, stop).ConfigureAwait(false);
                    await LoopAsync(connection, actor, number, log, incident, stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                // The connection is gone (terminated, server restarted): record it and reconnect like a pool would.
                var state = (ex as PostgresException)?.SqlState ?? (ex.InnerException as PostgresException)?.SqlState ?? "08006";
                Record(log, actor, number, pid, pid > 0 ? "disconnect" : "connect", Failure(state, (ex as PostgresException)?.MessageText ?? ex.Message), 0);
                if (pid > 0 && !actor.Reconnect)
                {
                    break;
                }

                try
                {
                    await Task.Delay(500, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task LoopAsync(NpgsqlConnection connection, ActorSpec actor, int number, ChannelWriter<AppLogEntry> log, Task<bool> incident,
        CancellationToken stop)
    {
        var incidentSeen = incident.IsCompleted;
        while (!stop.IsCancellationRequested)
        {
            var watch = Stopwatch.StartNew();
            (string State, string Message)? failure = null;
            foreach (var statement in actor.Sql)
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
                    failure = Failure(ex.SqlState, ex.MessageText);
                    break;
                }
            }

            Record(log, actor, number, connection.ProcessID, "request", failure, watch.Elapsed.TotalMilliseconds);
            incidentSeen = await SleepAsync(actor.IntervalMs, incident, incidentSeen, stop).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The pause between requests. The one that spans the incident ends as soon as it is applied, so the first
    /// request that meets the incident comes at once, as from a busy application, instead of up to an interval later.
    /// Returns whether the incident has been seen.
    /// </summary>
    private static async Task<bool> SleepAsync(int milliseconds, Task<bool> incident, bool incidentSeen, CancellationToken stop)
    {
        if (incidentSeen)
        {
            await Task.Delay(milliseconds, stop).ConfigureAwait(false);
            return true;
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var delay = Task.Delay(milliseconds, wake.Token);
        await Task.WhenAny(delay, incident).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        stop.ThrowIfCancellationRequested();
        return incident.IsCompletedSuccessfully && incident.Result;
    }

    /// <summary>A client without a pool: every request opens its own connection, so a refused connection is a failed request.</summary>
    private static async Task RunPerRequestAsync(NpgsqlDataSource dataSource, ActorSpec actor, int number, TimeSpan stagger, ChannelWriter<AppLogEntry> log,
        Task<bool> incident, CancellationToken stop)
    {
        var incidentSeen = incident.IsCompleted;
        try
        {
            await Task.Delay(stagger, stop).ConfigureAwait(false);
            while (!stop.IsCancellationRequested)
            {
                var watch = Stopwatch.StartNew();
                (string State, string Message)? failure = null;
                var pid = 0;
                try
                {
                    await using var connection = dataSource.CreateConnection();
                    await connection.OpenAsync(stop).ConfigureAwait(false);
                    pid = connection.ProcessID;
                    foreach (var statement in actor.Sql)
                    {
                        await using var command = new NpgsqlCommand(statement, connection);
                        await using var reader = await command.ExecuteReaderAsync(stop).ConfigureAwait(false);
                        while (await reader.ReadAsync(stop).ConfigureAwait(false))
                        {
                        }
                    }
                }
                catch (PostgresException ex)
                {
                    failure = Failure(ex.SqlState, ex.MessageText);
                }
                catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
                {
                    failure = Failure((ex.InnerException as PostgresException)?.SqlState ?? "08006", ex.Message);
                }

                Record(log, actor, number, pid, "request", failure, watch.Elapsed.TotalMilliseconds);
                incidentSeen = await SleepAsync(actor.IntervalMs, incident, incidentSeen, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static async Task HoldAsync(NpgsqlConnection connection, ActorSpec actor, int number, ChannelWriter<AppLogEntry> log, CancellationToken stop)
    {
        var watch = Stopwatch.StartNew();
        (string State, string Message)? failure = null;
        try
        {
            if (actor.Mode == "hold")
            {
                await using var begin = new NpgsqlCommand("BEGIN", connection);
                await begin.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
            }

            foreach (var statement in actor.Sql)
            {
                await using var command = new NpgsqlCommand(statement, connection);
                await using var reader = await command.ExecuteReaderAsync(stop).ConfigureAwait(false);
                while (await reader.ReadAsync(stop).ConfigureAwait(false))
                {
                }
            }
        }
        catch (PostgresException ex) when (!IsConnectionFatal(ex))
        {
            failure = Failure(ex.SqlState, ex.MessageText);
        }

        Record(log, actor, number, connection.ProcessID, "request", failure, watch.Elapsed.TotalMilliseconds);

        // Keep the connection (and any transaction) open; poll now and then so a terminated backend is noticed and reconnected.
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(Math.Max(actor.IntervalMs, 1000), stop).ConfigureAwait(false);
            if (connection.FullState.HasFlag(System.Data.ConnectionState.Broken) || connection.State != System.Data.ConnectionState.Open)
            {
                throw new NpgsqlException("The connection was closed by the server.");
            }

            // Waiting briefly for server messages surfaces a termination without sending anything inside the open transaction.
            await connection.WaitAsync(10, stop).ConfigureAwait(false);
        }
    }

    private static bool IsConnectionFatal(PostgresException ex) =>
        ex.SqlState.StartsWith("08", StringComparison.Ordinal) || ex.SqlState.StartsWith("57P", StringComparison.Ordinal);

    private static (string State, string Message) Failure(string state, string message) => (state, message);

    private static void Record(ChannelWriter<AppLogEntry> log, ActorSpec actor, int number, int pid, string kind, (string State, string Message)? failure, double ms)
    {
        log.TryWrite(new AppLogEntry
        {
            Time = DateTimeOffset.UtcNow,
            Actor = actor.Name,
            ApplicationName = actor.ApplicationName,
            Connection = number,
            BackendPid = pid,
            Event = kind,
            Ok = failure is null,
            SqlState = failure?.State,
            Message = failure?.Message,
            DurationMs = Math.Round(ms, 2),
        });
    }
}
