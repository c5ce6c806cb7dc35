using Ride.Common;

namespace Ride.Engines.Local;

/// <summary>A jailed PostgreSQL server on this machine, in its own sandbox folder.</summary>
internal sealed class LocalNode : JailedProcessNode, ISandboxNode
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    public LocalNode(LocalEnvironment local, NodeRecord record)
        : base(local, record)
    {
    }

    protected override string ProcessCommandLine => Local.Program("postgres") + " -D " + Record.DataDirectory;

    protected override string What => $"the server of node {Record.Name}";

    private Jail Jail => Local.JailFor(Record.SandboxDirectory!, Record.UpstreamSocketDirectory, Record.ArchiveBytes);

    /// <summary>Starts the server in its jail and waits until postmaster.pid says it accepts connections (a standby: read-only ones).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsOurs(Record.ServerPid))
        {
            return;
        }

        File.Delete(Path.Combine(Record.DataDirectory!, "postmaster.pid"));
        var log = Record.ServerLogPath!;
        var jailPid = await Jail.StartDetachedAsync(Local.Program("postgres"), new[] { "-D", Record.DataDirectory! }, log, cancellationToken)
            .ConfigureAwait(false);
        var started = DateTime.UtcNow;
        await Poll.UntilAsync($"the server of node {Record.Name} to accept connections", ReadyTimeout, TimeSpan.FromMilliseconds(20), async token =>
            {
                var state = PostmasterState();
                if (state is "ready" or "standby" && FindOurs() is { } pid)
                {
                    Record.ServerPid = pid;
                    Record.JailPid = NativeMethods.ParentOf(pid);
                    return PollProbe<bool>.Finished(true);
                }

                if (!NativeMethods.ProcessExists(jailPid) && DateTime.UtcNow - started > TimeSpan.FromMilliseconds(200))
                {
                    throw await BootFailedAsync("exited during start-up", token).ConfigureAwait(false);
                }

                return PollProbe<bool>.Waiting(false, state ?? "no postmaster.pid yet");
            },
            timeout => new RideException("ReadinessTimeout", RideErrorCategory.OperationTimeout, timeout.Message, Record.Name), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>PostgreSQL's shutdown modes are its signals: TERM waits for clients, INT rolls them back, QUIT stops at once.</summary>
    public Task StopAsync(NodeStopMode mode, CancellationToken cancellationToken) =>
        SignalAndWaitAsync(mode switch
            {
                NodeStopMode.Smart => SignalTerminate,
                NodeStopMode.Fast => SignalInterrupt,
                _ => SignalQuit,
            }, mode.ToString(), mode == NodeStopMode.Smart ? " A smart shutdown waits for every client to disconnect." : null, cancellationToken);

    public Task<ProcessResult> RunAsync(ProgramInvocation invocation, CancellationToken cancellationToken)
    {
        var program = invocation.Program.Contains('/', StringComparison.Ordinal) ? invocation.Program : Local.Program(invocation.Program);
        return Jail.RunAsync(program, invocation.Arguments, invocation.Environment, invocation.StandardInput, cancellationToken);
    }

    public async Task RunStoppedAsync(string script, CancellationToken cancellationToken)
    {
        await StopAsync(NodeStopMode.Fast, cancellationToken).ConfigureAwait(false);
        var result = await Jail.RunAsync("/bin/sh", new[] { "-c", script }, new Dictionary<string, string?>
        {
            ["PGDATA"] = Record.DataDirectory,
            ["PATH"] = Local.BinDirectory + ":/usr/bin:/bin",
        }, null, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new RideException("NodeStoppedStepFailed", RideErrorCategory.OpenError,
                $"A step on the stopped server of node {Record.Name} failed (exit code {result.ExitCode}): {Text.Tail(result.StandardError + result.StandardOutput)}",
                Record.Name);
        }

        await StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> ReadFileAsync(string relativePath, CancellationToken cancellationToken)
    {
        var path = DataPath(relativePath);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public async Task WriteFileAsync(string relativePath, string content, CancellationToken cancellationToken)
    {
        var path = DataPath(relativePath);
        var temporary = path + ".ride-tmp";
        await File.WriteAllTextAsync(temporary, content, cancellationToken).ConfigureAwait(false);
        await Local.Account.GiveAsync(temporary, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public async Task<string?> RemoveAsync(CancellationToken cancellationToken)
    {
        string? note = null;
        if (Record.DataDirectory is null || !Directory.Exists(Record.DataDirectory))
        {
            note = "The sandbox's data directory was already gone.";
        }
        else if (!IsOurs(Record.ServerPid))
        {
            note = "The PostgreSQL server was no longer running.";
        }

        Gateway.Stop(Record.GatewayPid);
        if (IsOurs(Record.ServerPid))
        {
            try
            {
                await StopAsync(NodeStopMode.Immediate, cancellationToken).ConfigureAwait(false);
            }
            catch (RideException)
            {
                // Ending the jail below ends everything in it.
            }
        }

        EndJail(Record.DataDirectory ?? "\0");

        if (Record.SandboxDirectory is { } sandbox)
        {
            SandboxFolders.DeleteQuietly(sandbox);
        }

        return note;
    }

    /// <summary>The postmaster's state from line 8 of postmaster.pid (starting, ready, stopping, standby), or null.</summary>
    private string? PostmasterState()
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(Record.DataDirectory!, "postmaster.pid"));
            return lines.Length >= 8 ? lines[7].Trim() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string DataPath(string relativePath)
    {
        var root = Path.GetFullPath(Record.DataDirectory!) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativePath}' is not inside the data directory.", nameof(relativePath));
        }

        return full;
    }

    private async Task<RideException> BootFailedAsync(string what, CancellationToken cancellationToken)
    {
        var log = File.Exists(Record.ServerLogPath) ? await File.ReadAllTextAsync(Record.ServerLogPath!, cancellationToken).ConfigureAwait(false) : "";
        var reason = log.Contains("namespace", StringComparison.OrdinalIgnoreCase) || log.Contains("uid map", StringComparison.OrdinalIgnoreCase)
            ? " bubblewrap could not make the jail: this system does not let unprivileged users create user namespaces "
              + "(kernel.unprivileged_userns_clone, or an AppArmor restriction). Allow them, or use the Docker engine."
            : "";
        return new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
            $"The PostgreSQL server of node {Record.Name} {what}.{reason} Server log:{Environment.NewLine}{Text.Tail(log)}", Record.DataDirectory);
    }
}
