using System.Management.Automation;
using Ride.Common;

namespace Ride.Sandbox;

/// <summary>Picks the engine: Docker when an engine answers, else Local, else one error that explains both.</summary>
public static class EngineFactory
{
    /// <summary>How long Auto waits for a Docker engine before it settles for the local binaries.</summary>
    private static readonly TimeSpan AutoPingTimeout = TimeSpan.FromSeconds(1.5);

    public static async Task<ISandboxEngine> CreateAsync(EngineKind kind, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case EngineKind.Local:
                return new LocalEngine();
            case EngineKind.Docker:
                return await DockerEngine.ConnectAsync(cancellationToken).ConfigureAwait(false);
            default:
                if (await DockerEngine.IsAvailableAsync(AutoPingTimeout, cancellationToken).ConfigureAwait(false))
                {
                    return DockerEngine.ForEndpoint(null);
                }

                try
                {
                    PostgresBinaries.Find();
                    return new LocalEngine();
                }
                catch (RideException ex) when (ex.ErrorId == "PostgresBinariesNotFound")
                {
                    throw new RideException("NoEngineAvailable", ErrorCategory.ResourceUnavailable,
                        "No sandbox engine is available. Either start a Docker engine (none answered at "
                        + DockerClients.ResolveEndpoint() + "; start Docker Desktop or 'sudo systemctl start docker', or point DOCKER_HOST at a running engine), "
                        + "or install the PostgreSQL server binaries initdb, pg_ctl, postgres and psql (Debian/Ubuntu: 'sudo apt-get install postgresql'; "
                        + "macOS: 'brew install postgresql@15'; Windows: the EDB installer) and put their folder on PATH or in RIDE_PG_BIN.",
                        kind, ex);
                }
        }
    }

    /// <summary>
    /// The engine that owns an existing node. No ping: a node whose container vanished must still be inspectable
    /// and removable, and it lives on the endpoint it was made on, whatever DOCKER_HOST says now.
    /// </summary>
    public static Task<ISandboxEngine> ForNodeAsync(SandboxNode node, CancellationToken cancellationToken) =>
        node.Engine == EngineKind.Docker
            ? Task.FromResult<ISandboxEngine>(DockerEngine.ForEndpoint(node.DockerEndpoint))
            : CreateAsync(node.Engine, cancellationToken);
}
