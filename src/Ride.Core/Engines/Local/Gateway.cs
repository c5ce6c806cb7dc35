using System.Globalization;
using Ride.Common;

namespace Ride.Engines.Local;

/// <summary>
/// A jailed server has no network of its own, only its socket. The gateway (Ride's helper program, detached) listens
/// on 127.0.0.1 and relays each connection to that socket, so the operator's psql and tools connect as to any server.
/// It ends when its node's sandbox folder goes, or when told.
/// </summary>
internal static class Gateway
{
    public const string ReadyFile = "gateway.port";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    public static async Task<(int Pid, int Port)> StartAsync(RideOptions options, NodeRecord node, int? preferredPort, CancellationToken cancellationToken)
    {
        var sandbox = node.SandboxDirectory!;
        var ready = Path.Combine(sandbox, ReadyFile);
        File.Delete(ready);
        var socket = Path.Combine(node.SocketDirectory!, ".s.PGSQL." + node.ServerPort.ToString(CultureInfo.InvariantCulture));
        var command = HelperProgram.CommandLine(options)
            .Concat(new[] { "gateway", socket, ready, (preferredPort ?? 0).ToString(CultureInfo.InvariantCulture) })
            .ToList();
        var pid = await Detached.StartAsync(command, Path.Combine(sandbox, "gateway.log"), cancellationToken).ConfigureAwait(false);
        var port = await Poll.UntilAsync("the gateway of node " + node.Name + " to listen", StartTimeout, TimeSpan.FromMilliseconds(10), () =>
            {
                if (File.Exists(ready) && int.TryParse(File.ReadAllText(ready).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var bound))
                {
                    return PollProbe<int>.Finished(bound);
                }

                return NativeMethods.ProcessExists(pid)
                    ? PollProbe<int>.Waiting(0, "no port yet")
                    : PollProbe<int>.Finished(-1);
            },
            timeout => new RideException("SandboxBootFailed", RideErrorCategory.OpenError, timeout.Message, node.Name), cancellationToken).ConfigureAwait(false);
        if (port <= 0)
        {
            var log = Path.Combine(sandbox, "gateway.log");
            throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
                $"The gateway of node {node.Name} exited: {(File.Exists(log) ? Text.Tail(await File.ReadAllTextAsync(log, cancellationToken).ConfigureAwait(false)) : "")}",
                node.Name);
        }

        return (pid, port);
    }

    public static void Stop(int? pid)
    {
        if (pid is { } p && NativeMethods.ProcessExists(p) && NativeMethods.CommandLine(p).Contains(" gateway ", StringComparison.Ordinal))
        {
            NativeMethods.Terminate(p);
        }
    }
}
