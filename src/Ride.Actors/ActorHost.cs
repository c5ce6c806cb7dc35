using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Channels;
using Ride.Workload;

namespace Ride.Actors;

/// <summary>
/// The actors process: holds each actor's real connections, runs their statements on schedule and records every
/// outcome. Ride steers it through control files: pause and resume (Reset), the incident cue, rounds (settling
/// after a fix) and stop. It also ends when its session folder disappears.
/// </summary>
public static class ActorHost
{
    private static readonly TimeSpan ControlPoll = TimeSpan.FromMilliseconds(25);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            await Console.Error.WriteLineAsync("usage: Ride.Actors <actors.json>").ConfigureAwait(false);
            return 2;
        }

        var configuration = JsonSerializer.Deserialize(await File.ReadAllTextAsync(args[0]).ConfigureAwait(false), ActorJson.Default.ActorConfiguration)!;
        // A line in actors.out shows the process got this far, which a failed start reports.
        Console.WriteLine($"{DateTimeOffset.UtcNow:O} actors process {Environment.ProcessId}: {configuration.Actors.Sum(a => a.Actor.Connections)} connection(s)");
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => context.Cancel = true);

        var directory = configuration.SessionDirectory;
        var dataSources = configuration.Actors.ToDictionary(spec => spec, ActorDataSources.For);
        var watcher = WatchSessionAsync(directory, stop);
        var pausedFile = Path.Combine(directory, ActorFiles.Paused);

        // Ride starts the process while the scenario's setup still runs, paused: the runtime's start overlaps the setup.
        if (await ControlFile.ReadAsync(Path.Combine(directory, ActorFiles.Pause), CancellationToken.None).ConfigureAwait(false) is { Length: > 0 } startPaused)
        {
            await ControlFile.WriteAsync(pausedFile, startPaused, CancellationToken.None).ConfigureAwait(false);
            if (!await WaitForResumeAsync(directory, stop.Token).ConfigureAwait(false))
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }
        }

        while (!stop.IsCancellationRequested)
        {
            var pause = await RunGenerationAsync(configuration, dataSources, stop.Token).ConfigureAwait(false);
            if (pause is null)
            {
                break;
            }

            // Every connection is closed and the log is flushed: tell Ride, then wait until it lets the actors go again.
            await ControlFile.WriteAsync(pausedFile, pause, CancellationToken.None).ConfigureAwait(false);

            // What the last run allocated is garbage now; give it back while Ride restores the databases, so a
            // session that is reset again and again keeps the footprint of a fresh one.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            if (!await WaitForResumeAsync(directory, stop.Token).ConfigureAwait(false))
            {
                break;
            }
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await watcher.ConfigureAwait(false);
        foreach (var source in dataSources.Values)
        {
            await source.DisposeAsync().ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>
    /// Runs every actor until the process stops (returns null) or Ride asks for a pause (returns the pause token).
    /// A Reset pauses the actors instead of restarting the process, which saves the runtime's start.
    /// </summary>
    private static async Task<string?> RunGenerationAsync(ActorConfiguration configuration, IReadOnlyDictionary<ActorSpec, Npgsql.NpgsqlDataSource> dataSources,
        CancellationToken stop)
    {
        using var generation = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var directory = configuration.SessionDirectory;
        var log = Channel.CreateUnbounded<AppLogEntry>(new UnboundedChannelOptions { SingleReader = true });
        var writer = WriteLogAsync(configuration.LogPath, log.Reader);
        var incident = WaitForFileAsync(Path.Combine(directory, ActorFiles.IncidentCue), generation.Token);
        var rounds = new Rounds();
        var workers = configuration.Actors
            .SelectMany(spec => Enumerable.Range(1, spec.Actor.Connections).Select(number => new ActorConnection(spec, dataSources[spec], number, log.Writer, incident, rounds)))
            .Select(connection => connection.RunAsync(generation.Token))
            .ToList();
        var roundKeeper = KeepRoundsAsync(directory, rounds, generation.Token);

        var pause = await WaitForPauseRequestAsync(directory, generation.Token).ConfigureAwait(false);
        await generation.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(workers).ConfigureAwait(false);
        await roundKeeper.ConfigureAwait(false);
        await incident.ConfigureAwait(false);
        log.Writer.Complete();
        await writer.ConfigureAwait(false);
        return pause;
    }

    /// <summary>Starts a round for every new token Ride writes, and answers with the token once every connection has done its part.</summary>
    private static async Task KeepRoundsAsync(string directory, Rounds rounds, CancellationToken stop)
    {
        var request = Path.Combine(directory, ActorFiles.Round);
        var answer = Path.Combine(directory, ActorFiles.RoundDone);
        string? last = null;
        try
        {
            while (true)
            {
                var token = await ControlFile.ReadAsync(request, stop).ConfigureAwait(false);
                if (token is { Length: > 0 } && token != last)
                {
                    last = token;
                    await rounds.Start().ConfigureAwait(false);
                    await ControlFile.WriteAsync(answer, token, stop).ConfigureAwait(false);
                }

                await Task.Delay(ControlPoll, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<string?> WaitForPauseRequestAsync(string directory, CancellationToken stop)
    {
        var request = Path.Combine(directory, ActorFiles.Pause);
        try
        {
            while (true)
            {
                if (await ControlFile.ReadAsync(request, stop).ConfigureAwait(false) is { Length: > 0 } token)
                {
                    return token;
                }

                await Task.Delay(ControlPoll, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static async Task<bool> WaitForResumeAsync(string directory, CancellationToken stop)
    {
        var request = Path.Combine(directory, ActorFiles.Pause);
        try
        {
            while (File.Exists(request))
            {
                await Task.Delay(ControlPoll, stop).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>True once the file exists (Ride writes the incident cue once incident.sql has run); false when stopped first.</summary>
    private static async Task<bool> WaitForFileAsync(string path, CancellationToken stop)
    {
        try
        {
            while (!File.Exists(path))
            {
                await Task.Delay(ControlPoll, stop).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task WatchSessionAsync(string directory, CancellationTokenSource stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(500, stop.Token).ConfigureAwait(false);
                if (!Directory.Exists(directory) || File.Exists(Path.Combine(directory, ActorFiles.Stop)))
                {
                    await stop.CancelAsync().ConfigureAwait(false);
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
}
