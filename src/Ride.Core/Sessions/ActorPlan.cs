using Ride.Scenarios;
using Ride.Workload;

namespace Ride.Sessions;

/// <summary>The actors process's configuration for a session: each actor with its node's address and its role's password.</summary>
internal static class ActorPlan
{
    public static ActorConfiguration For(SessionRecord state, ScenarioDefinition definition, string sessionDirectory) => new()
    {
        SessionDirectory = sessionDirectory,
        LogPath = Path.Combine(sessionDirectory, ActorFiles.AppLog),
        Actors = definition.Actors.Select(actor =>
        {
            var endpoint = state.Node(actor.Node).RideEndpoint;
            return new ActorSpec { Actor = actor, Host = endpoint.Host, Port = endpoint.Port, Password = state.PasswordOf(actor.Role) };
        }).ToList(),
    };
}
