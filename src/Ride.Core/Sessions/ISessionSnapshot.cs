using Ride.Scenarios;

namespace Ride.Sessions;

/// <summary>How a session gets back to the state right after its setup: taken once at Start, restored by every Reset.</summary>
internal interface ISessionSnapshot
{
    Task TakeAsync(SessionRecord state, ScenarioDefinition definition, SessionConnections connections, CancellationToken cancellationToken);

    Task RestoreAsync(SessionRecord state, ScenarioDefinition definition, SessionConnections connections, CancellationToken cancellationToken);
}
