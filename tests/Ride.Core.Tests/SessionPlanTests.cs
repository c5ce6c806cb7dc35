using Ride.Engines;
using Ride.Scenarios;
using Ride.Sessions;
using Ride.Workload;
using Xunit;

namespace Ride.Core.Tests;

public sealed class SessionPlanTests
{
    private static readonly ScenarioDefinition Definition = new()
    {
        Actors = new List<ActorDefinition>
        {
            new() { Name = "web", Role = "app_user", Mode = ActorModes.Loop },
            new() { Name = "console", Role = "dba", Mode = ActorModes.Hold },
            new() { Name = "reports", Role = "app_user", Mode = ActorModes.Loop, Node = "replica1" },
        },
        LiveWhen = new LiveCondition { Sql = "SELECT true" },
    };

    private static SessionRecord Session() => new()
    {
        SessionId = "s1",
        OperatorRole = "dba",
        OperatorPassword = "op",
        RolePasswords = new Dictionary<string, string> { ["app_user"] = "app" },
        Nodes = new List<NodeRecord>
        {
            new() { Name = "primary", Role = NodeRole.Primary, SocketDirectory = "/sbx/p/run", ServerPort = 5432, Port = 40001 },
            new() { Name = "replica1", Role = NodeRole.Replica, Host = "127.0.0.1", Port = 40002 },
        },
    };

    [Fact]
    public void Gives_each_actor_its_own_nodes_address_and_its_roles_password()
    {
        var plan = ActorPlan.For(Session(), Definition, "/home/x/.ride/sessions/s1");
        Assert.Equal("/home/x/.ride/sessions/s1/app.log", plan.LogPath);
        Assert.Equal(("/sbx/p/run", 5432, "app"), (plan.Actors[0].Host, plan.Actors[0].Port, plan.Actors[0].Password));
        Assert.Equal("op", plan.Actors[1].Password);
        Assert.Equal(("127.0.0.1", 40002), (plan.Actors[2].Host, plan.Actors[2].Port));
    }

    [Fact]
    public void Waits_for_every_loop_actor_unless_the_scenario_names_some()
    {
        Assert.Equal(new[] { "reports", "web" }, Definition.LiveWhen!.ActorsToAwait(Definition).Order());
        var named = new LiveCondition { Sql = "SELECT true", Actors = new List<string> { "web" } };
        Assert.Equal(new[] { "web" }, named.ActorsToAwait(Definition));
    }
}
