using System.Text;
using Ride.Common;

namespace Ride.Engines.Local;

/// <summary>A jailed PostgreSQL server on this machine, in its own sandbox folder.</summary>
internal sealed class LocalNode : ISandboxNode
{
    private const int SignalHangUp = 1;
    private const int SignalQuit = 3;
    private const int SignalInterrupt = 2;
    private const int SignalTerminate = 15;
    private const int SignalKill = 9;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly LocalEnvironment _local;

    public LocalNode(LocalEnvironment local, NodeRecord record)
    {
        _local = local;
        Record = record;
    }

    public NodeRecord Record { get; }

    public Endpoint ServerAddress => Record.RideEndpoint;

    private Jail Jail => _local.JailFor(Record.SandboxDirectory!, Record.UpstreamSocketDirectory);

    public Task<bool> IsRunningAsync(CancellationToken cancellationToken) => Task.FromResult(IsServer(Record.ServerPid));

    /// <summary>Starts the server in its jail and waits until postmaster.pid says it accepts connections (a standby: read-only ones).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsServer(Record.ServerPid))
        {
            return;
        }

        File.Delete(Path.Combine(Record.DataDirectory!, "postmaster.pid"));
        var log = Record.ServerLogPath!;
        var jailPid = await Jail.StartDetachedAsync(_local.Program("postgres"), new[] { "-D", Record.DataDirectory! }, log, cancellationToken)
            .ConfigureAwait(false);
        var started = DateTime.UtcNow;
        await Poll.UntilAsync($"the server of node {Record.Name} to accept connections", ReadyTimeout, TimeSpan.FromMilliseconds(20), async token =>
            {
                var state = PostmasterState();
                if (state is "ready" or "standby" && FindServer() is { } pid)
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

    public async Task StopAsync(NodeStopMode mode, CancellationToken cancellationToken)
    {
        if (Record.ServerPid is not { } pid || !IsServer(pid))
        {
            return;
        }

        NativeMethods.Signal(pid, mode switch
        {
            NodeStopMode.Smart => SignalTerminate,
            NodeStopMode.Fast => SignalInterrupt,
            _ => SignalQuit,
        });
        await Poll.UntilAsync($"the server of node {Record.Name} to stop ({mode})", StopTimeout, TimeSpan.FromMilliseconds(20),
                () => IsServer(pid) ? PollProbe<bool>.Waiting(false, "still running") : PollProbe<bool>.Finished(true),
                timeout => new RideException("NodeStopTimeout", RideErrorCategory.OperationTimeout,
                    timeout.Message + (mode == NodeStopMode.Smart ? " A smart shutdown waits for every client to disconnect." : ""), Record.Name),
                cancellationToken)
            .ConfigureAwait(false);
        Record.ServerPid = null;
    }

    public Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (Record.ServerPid is { } pid && IsServer(pid))
        {
            NativeMethods.Signal(pid, SignalHangUp);
        }

        return Task.CompletedTask;
    }

    public Task<ProcessResult> RunAsync(ProgramInvocation invocation, CancellationToken cancellationToken)
    {
        var program = invocation.Program.Contains('/', StringComparison.Ordinal) ? invocation.Program : _local.Program(invocation.Program);
        return Jail.RunAsync(program, invocation.Arguments, invocation.Environment, invocation.StandardInput, cancellationToken);
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
        await _local.Account.GiveAsync(temporary, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public async Task<IReadOnlyList<string>> ReadServerLogAsync(CancellationToken cancellationToken)
    {
        if (Record.ServerLogPath is null || !File.Exists(Record.ServerLogPath))
        {
            return Array.Empty<string>();
        }

        await using var stream = new FileStream(Record.ServerLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Text.Lines(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
    }

    public async Task<string?> RemoveAsync(CancellationToken cancellationToken)
    {
        string? note = null;
        if (Record.DataDirectory is null || !Directory.Exists(Record.DataDirectory))
        {
            note = "The sandbox's data directory was already gone.";
        }
        else if (!IsServer(Record.ServerPid))
        {
            note = "The PostgreSQL server was no longer running.";
        }

        Gateway.Stop(Record.GatewayPid);
        if (IsServer(Record.ServerPid))
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

        // The jail's first process is the init of its own pid namespace: when it goes, everything in the jail goes.
        if (Record.JailPid is { } jail && NativeMethods.ProcessExists(jail) && NativeMethods.CommandLine(jail).Contains(Record.DataDirectory ?? "\0", StringComparison.Ordinal))
        {
            NativeMethods.Signal(jail, SignalKill);
        }

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

    private string ServerCommandLine => _local.Program("postgres") + " -D " + Record.DataDirectory;

    private int? FindServer() => NativeMethods.FindProcesses(ServerCommandLine).Where(p => NativeMethods.CommandLine(p) == ServerCommandLine)
        .Cast<int?>().FirstOrDefault();

    /// <summary>Pids get reused: only a process with this node's server command line counts.</summary>
    private bool IsServer(int? pid) => pid is { } p && NativeMethods.ProcessExists(p) && NativeMethods.CommandLine(p) == ServerCommandLine;

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
