using Ride.Common;
using Ride.Engines.Docker;
using Ride.Engines.Local;

namespace Ride.Engines;

/// <summary>Picks the engine: Docker when an engine answers, else Local, else one error that explains both.</summary>
public sealed class EngineFactory
{
    /// <summary>How long Auto waits for a Docker engine before it settles for the local binaries.</summary>
    private static readonly TimeSpan AutoPingTimeout = TimeSpan.FromSeconds(1.5);

    private readonly RideOptions _options;

    public EngineFactory(RideOptions options) => _options = options;

    public async Task<ISandboxEngine> CreateAsync(EngineKind kind, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case EngineKind.Local:
                return await LocalEngine.CreateAsync(_options, cancellationToken).ConfigureAwait(false);
            case EngineKind.Docker:
                return await DockerEngine.ConnectAsync(_options, cancellationToken).ConfigureAwait(false);
            default:
                if (await DockerEngine.IsAvailableAsync(_options, AutoPingTimeout, cancellationToken).ConfigureAwait(false))
                {
                    return DockerEngine.ForEndpoint(_options, null);
                }

                try
                {
                    return await LocalEngine.CreateAsync(_options, cancellationToken).ConfigureAwait(false);
                }
                catch (RideException ex) when (ex.ErrorId is "PostgresBinariesNotFound" or "ContainmentUnavailable")
                {
                    throw new RideException("NoEngineAvailable", RideErrorCategory.ResourceUnavailable,
                        "No sandbox engine is available. Either start a Docker engine (none answered at "
                        + DockerClients.ResolveEndpoint(_options) + "; start Docker Desktop or 'sudo systemctl start docker', or point DOCKER_HOST at a running engine), "
                        + "or install the PostgreSQL server binaries initdb, postgres and psql and bubblewrap, which the Local engine jails every sandbox in "
                        + "(Debian/Ubuntu: 'sudo apt-get install postgresql bubblewrap') and put PostgreSQL's bin folder on PATH or in RIDE_PG_BIN. "
                        + "Local engine: " + ex.Message,
                        kind, ex);
                }
        }
    }

    /// <summary>
    /// The engine that owns an existing node. No ping: a node whose container vanished must still be inspectable
    /// and removable, and it lives on the endpoint it was made on, whatever DOCKER_HOST says now.
    /// </summary>
    public async Task<ISandboxEngine> ForNodeAsync(NodeRecord node, CancellationToken cancellationToken) =>
        node.Engine == EngineKind.Docker
            ? DockerEngine.ForEndpoint(_options, node.DockerEndpoint)
            : await LocalEngine.ForNodeAsync(_options, node, cancellationToken).ConfigureAwait(false);

    /// <summary>The handle of an existing node.</summary>
    public async Task<ISandboxNode> OpenAsync(NodeRecord node, CancellationToken cancellationToken) =>
        (await ForNodeAsync(node, cancellationToken).ConfigureAwait(false)).Open(node);
}
