using System.Text.Json;
using Ride.Common;

namespace Ride.Workload;

/// <summary>Starts, pauses and stops the actors process of a session. The process is detached so it outlives the cmdlet and pwsh.</summary>
public sealed class ActorLauncher
{
    private static readonly TimeSpan PauseTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly RideOptions _options;

    public ActorLauncher(RideOptions options) => _options = options;

    /// <summary>Starts the actors process. Paused, it comes up without connecting until <see cref="Resume"/>.</summary>
    public async Task<int> StartAsync(ActorConfiguration configuration, bool paused, CancellationToken cancellationToken)
    {
        var directory = configuration.SessionDirectory;
        foreach (var file in new[] { ActorFiles.Stop, ActorFiles.IncidentCue, ActorFiles.Paused, ActorFiles.Pause, ActorFiles.Round, ActorFiles.RoundDone })
        {
            File.Delete(Path.Combine(directory, file));
        }

        if (paused)
        {
            await ControlFile.WriteAsync(Path.Combine(directory, ActorFiles.Pause), ControlFile.NewToken(), cancellationToken).ConfigureAwait(false);
        }

        var configPath = Path.Combine(directory, ActorFiles.Configuration);
        await File.WriteAllTextAsync(configPath, JsonSerializer.Serialize(configuration, ActorJson.Default.ActorConfiguration), cancellationToken)
            .ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(configPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var command = HelperProgram.CommandLine(_options).Append(configPath).ToList();
        try
        {
            return await Detached.StartAsync(command, Path.Combine(directory, ActorFiles.ProcessLog), cancellationToken).ConfigureAwait(false);
        }
        catch (RideException ex) when (ex.ErrorId == "ProcessStartFailed")
        {
            throw new RideException("ActorsStartFailed", RideErrorCategory.OpenError, "The actors process did not start: " + ex.Message, command[0], ex);
        }
    }

    /// <summary>
    /// Asks the running actors process to close every connection and wait. True once it has; false when there is no
    /// such process or it did not answer in time (it is then stopped, and the caller starts a new one).
    /// </summary>
    public async Task<bool> PauseAsync(string sessionDirectory, int? pid, CancellationToken cancellationToken)
    {
        if (!IsRunning(pid, sessionDirectory))
        {
            return false;
        }

        var token = ControlFile.NewToken();
        var paused = Path.Combine(sessionDirectory, ActorFiles.Paused);
        File.Delete(paused);
        await ControlFile.WriteAsync(Path.Combine(sessionDirectory, ActorFiles.Pause), token, cancellationToken).ConfigureAwait(false);
        try
        {
            var answered = await Poll.UntilAsync("the actors to pause", PauseTimeout, TimeSpan.FromMilliseconds(10), async token2 =>
                {
                    if (await ControlFile.ReadAsync(paused, token2).ConfigureAwait(false) == token)
                    {
                        return PollProbe<bool>.Finished(true);
                    }

                    return IsRunning(pid, sessionDirectory) ? PollProbe<bool>.Waiting(false, "no answer") : PollProbe<bool>.Finished(false);
                }, cancellationToken).ConfigureAwait(false);
            if (answered)
            {
                return true;
            }
        }
        catch (PollTimeoutException)
        {
            // No answer: the process is stopped below and the caller starts a new one.
        }

        await StopAsync(sessionDirectory, pid, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>Lets paused actors run again: they reopen the application log and connect as at the start.</summary>
    public static void Resume(string sessionDirectory)
    {
        foreach (var file in new[] { ActorFiles.IncidentCue, ActorFiles.Paused, ActorFiles.Pause })
        {
            File.Delete(Path.Combine(sessionDirectory, file));
        }
    }

    /// <summary>Tells the actors the incident has been applied: late actors connect, sleeping loop actors wake.</summary>
    public static Task CueIncidentAsync(string sessionDirectory, DateTimeOffset at, CancellationToken cancellationToken) =>
        ControlFile.WriteAsync(Path.Combine(sessionDirectory, ActorFiles.IncidentCue), at.ToString("O"), cancellationToken);

    /// <summary>
    /// Asks the actors for a round (every connection acts once more: a request, a liveness check, a reconnect) and
    /// waits until they have all answered. False when there is no actors process or the round did not end in time.
    /// </summary>
    public async Task<bool> RoundAsync(string sessionDirectory, int? pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!IsRunning(pid, sessionDirectory))
        {
            return false;
        }

        var token = ControlFile.NewToken();
        var answer = Path.Combine(sessionDirectory, ActorFiles.RoundDone);
        await ControlFile.WriteAsync(Path.Combine(sessionDirectory, ActorFiles.Round), token, cancellationToken).ConfigureAwait(false);
        try
        {
            return await Poll.UntilAsync("the actors to finish a round", timeout, TimeSpan.FromMilliseconds(10), async probe =>
                {
                    if (await ControlFile.ReadAsync(answer, probe).ConfigureAwait(false) == token)
                    {
                        return PollProbe<bool>.Finished(true);
                    }

                    return IsRunning(pid, sessionDirectory) ? PollProbe<bool>.Waiting(false, "not every connection has answered") : PollProbe<bool>.Finished(false);
                }, cancellationToken).ConfigureAwait(false);
        }
        catch (PollTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Ends the actors process and waits (bounded) for it to go.</summary>
    public async Task StopAsync(string sessionDirectory, int? pid, CancellationToken cancellationToken)
    {
        if (Directory.Exists(sessionDirectory))
        {
            await File.WriteAllTextAsync(Path.Combine(sessionDirectory, ActorFiles.Stop), "", cancellationToken).ConfigureAwait(false);
        }

        if (pid is not { } p || !IsRunning(p, sessionDirectory))
        {
            return;
        }

        NativeMethods.Terminate(p);
        try
        {
            await Poll.UntilAsync("the actors process to stop", StopTimeout, TimeSpan.FromMilliseconds(50),
                _ => Task.FromResult(NativeMethods.ProcessExists(p) ? PollProbe<bool>.Waiting(false, "still running") : PollProbe<bool>.Finished(true)),
                cancellationToken).ConfigureAwait(false);
        }
        catch (PollTimeoutException)
        {
            NativeMethods.Kill(p);
        }
    }

    /// <summary>Pids get reused: only a process whose command line names this session's actors configuration counts.</summary>
    public static bool IsRunning(int? pid, string sessionDirectory)
    {
        if (pid is not { } p || !NativeMethods.ProcessExists(p))
        {
            return false;
        }

        if (!File.Exists($"/proc/{p}/cmdline"))
        {
            return true;
        }

        // While the launcher shell execs into the program the command line can read empty for a moment: that is still ours.
        var commandLine = NativeMethods.CommandLine(p);
        return commandLine.Length == 0 || commandLine.Contains(Path.Combine(sessionDirectory, ActorFiles.Configuration), StringComparison.Ordinal);
    }
}
