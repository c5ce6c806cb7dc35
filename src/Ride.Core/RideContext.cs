using Ride.Common;
using Ride.Engines;
using Ride.Evidence;
using Ride.Scenarios;
using Ride.Sessions;
using Ride.Workload;

namespace Ride;

/// <summary>
/// The pieces of the core, made once from the options and handed to whoever needs them. The cmdlets build one per
/// call; tests and other hosts build their own with whatever options they like.
/// </summary>
public sealed class RideContext
{
    public RideContext(RideOptions options)
    {
        Options = options;
        Sessions = new SessionStore(options);
        Catalog = new ScenarioCatalog(options);
        Engines = new EngineFactory(options);
        Actors = new ActorLauncher(options);
    }

    public RideOptions Options { get; }

    public SessionStore Sessions { get; }

    public ScenarioCatalog Catalog { get; }

    public EngineFactory Engines { get; }

    public ActorLauncher Actors { get; }

    public string SessionDirectory(string sessionId) => Sessions.Directory(sessionId);

    public EvidenceLog EvidenceOf(string sessionId) => new(SessionDirectory(sessionId));

    public static RideContext FromEnvironment() => new(RideOptions.FromEnvironment());
}
