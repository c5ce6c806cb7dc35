using System.Text;
using Ride.Common;

namespace Ride.Engines.Local;

/// <summary>
/// What a Local node's program (a PostgreSQL server or PgBouncer) shares: it runs in a jail, is known by its exact
/// command line (pids get reused), is reloaded with SIGHUP, stopped by a signal and waited for, and logs to a file.
/// </summary>
internal abstract class JailedProcessNode
{
    protected const int SignalHangUp = 1;
    protected const int SignalInterrupt = 2;
    protected const int SignalQuit = 3;
    protected const int SignalKill = 9;
    protected const int SignalTerminate = 15;
    protected static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    protected JailedProcessNode(LocalEnvironment local, NodeRecord record)
    {
        Local = local;
        Record = record;
    }

    public NodeRecord Record { get; }

    public Endpoint ServerAddress => Record.RideEndpoint;

    protected LocalEnvironment Local { get; }

    /// <summary>The program's command line as this machine shows it: the one thing that tells it from a process that reused its pid.</summary>
    protected abstract string ProcessCommandLine { get; }

    /// <summary>What the node's program is called in messages ("the server of node primary").</summary>
    protected abstract string What { get; }

    public Task<bool> IsRunningAsync(CancellationToken cancellationToken) => Task.FromResult(IsOurs(Record.ServerPid));

    /// <summary>SIGHUP: the program reads its configuration files again.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (Record.ServerPid is { } pid && IsOurs(pid))
        {
            NativeMethods.Signal(pid, SignalHangUp);
        }

        return Task.CompletedTask;
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

    /// <summary>Sends the signal and waits until the program is gone.</summary>
    protected async Task SignalAndWaitAsync(int signal, string mode, string? timeoutAdvice, CancellationToken cancellationToken)
    {
        if (Record.ServerPid is not { } pid || !IsOurs(pid))
        {
            return;
        }

        NativeMethods.Signal(pid, signal);
        await Poll.UntilAsync($"{What} to stop ({mode})", StopTimeout, TimeSpan.FromMilliseconds(20),
                () => IsOurs(pid) ? PollProbe<bool>.Waiting(false, "still running") : PollProbe<bool>.Finished(true),
                timeout => new RideException("NodeStopTimeout", RideErrorCategory.OperationTimeout, timeout.Message + timeoutAdvice, Record.Name),
                cancellationToken)
            .ConfigureAwait(false);
        Record.ServerPid = null;
    }

    /// <summary>Ends the jail once its program is stopped: its first process is the init of its pid namespace, so everything in it goes.</summary>
    protected void EndJail(string commandLineMark)
    {
        if (Record.JailPid is { } jail && NativeMethods.ProcessExists(jail) && NativeMethods.CommandLine(jail).Contains(commandLineMark, StringComparison.Ordinal))
        {
            NativeMethods.Signal(jail, SignalKill);
        }
    }

    protected int? FindOurs() =>
        NativeMethods.FindProcesses(ProcessCommandLine).Where(p => NativeMethods.CommandLine(p) == ProcessCommandLine).Cast<int?>().FirstOrDefault();

    protected bool IsOurs(int? pid) => pid is { } p && NativeMethods.ProcessExists(p) && NativeMethods.CommandLine(p) == ProcessCommandLine;
}
