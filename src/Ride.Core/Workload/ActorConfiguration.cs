namespace Ride.Workload;

/// <summary>What the actors process is told: where each actor connects and, per actor, who it is and what it runs.</summary>
public sealed class ActorConfiguration
{
    public string SessionDirectory { get; set; } = "";

    public string LogPath { get; set; } = "";

    public List<ActorSpec> Actors { get; set; } = new();
}

/// <summary>An actor as the actors process runs it: the scenario's definition, its node's address and its role's password.</summary>
public sealed class ActorSpec
{
    public ActorDefinition Actor { get; set; } = new();

    /// <summary>A host name, or the folder of the server's Unix-domain socket.</summary>
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; }

    public string Password { get; set; } = "";
}
