using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Ride.Common;

namespace Ride.Engines.Docker;

/// <summary>
/// What a node in a container (a PostgreSQL server or PgBouncer) shares: the container it names, its state, its log
/// (the container's output), SIGHUP to reload, a signal to stop it, and the port it publishes on 127.0.0.1.
/// </summary>
internal abstract class ContainerNode
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    protected ContainerNode(DockerHost host, NodeRecord record)
    {
        Host = host;
        Record = record;
    }

    public NodeRecord Record { get; }

    protected DockerHost Host { get; }

    protected string Container =>
        Record.ContainerId ?? Record.ContainerName
        ?? throw new RideException("SessionLost", RideErrorCategory.InvalidData, $"The node '{Record.Name}' records no container.", Record.Name);

    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken) =>
        await InspectAsync(cancellationToken).ConfigureAwait(false) is { State.Running: true };

    /// <summary>SIGHUP to the container's main process: it reads its configuration files again.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken) =>
        Host.CallAsync(() => Host.Client.Containers.KillContainerAsync(Container, new ContainerKillParameters { Signal = "SIGHUP" }, cancellationToken));

    public Task<IReadOnlyList<string>> ReadServerLogAsync(CancellationToken cancellationToken) =>
        Host.CallAsync(async () =>
        {
            try
            {
                return Text.Lines(await Host.ReadLogAsync(Container, null, cancellationToken).ConfigureAwait(false));
            }
            catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return (IReadOnlyList<string>)Array.Empty<string>();
            }
        });

    /// <summary>Sends the signal to the container's main process and waits until the container has stopped.</summary>
    protected async Task SignalAndWaitAsync(string signal, string mode, CancellationToken cancellationToken)
    {
        if (!await IsRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await Host.CallAsync(() => Host.Client.Containers.KillContainerAsync(Container, new ContainerKillParameters { Signal = signal }, cancellationToken))
            .ConfigureAwait(false);
        await Poll.UntilAsync($"the container of node {Record.Name} to stop ({mode})", StopTimeout, TimeSpan.FromMilliseconds(50), async token =>
                await IsRunningAsync(token).ConfigureAwait(false) ? PollProbe<bool>.Waiting(false, "still running") : PollProbe<bool>.Finished(true),
                timeout => new RideException("NodeStopTimeout", RideErrorCategory.OperationTimeout, timeout.Message, Record.Name), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The container as the engine describes it, or null when it is gone.</summary>
    protected async Task<ContainerInspectResponse?> InspectAsync(CancellationToken cancellationToken) =>
        await Host.CallAsync(async () =>
        {
            try
            {
                return await Host.Client.Containers.InspectContainerAsync(Container, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }).ConfigureAwait(false);

    /// <summary>The host port the engine published for the container's port on 127.0.0.1 (read again at each start).</summary>
    protected int PublishedPort(ContainerInspectResponse inspect, string portKey)
    {
        var binding = inspect.NetworkSettings?.Ports is { } ports && ports.TryGetValue(portKey, out var bindings)
            ? bindings?.FirstOrDefault(b => b.HostIP == DockerEngine.LoopbackAddress)
            : null;
        return binding is not null && int.TryParse(binding.HostPort, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port)
            ? port
            : throw new RideException("SandboxBootFailed", RideErrorCategory.OpenError,
                $"The container {Record.ContainerName} started but the engine reports no port published on {DockerEngine.LoopbackAddress} for {portKey}.",
                Record.Image);
    }
}
