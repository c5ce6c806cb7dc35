namespace Ride.Workload;

/// <summary>What the actors process is told: where the server is and, per actor, who it is and what it runs.</summary>
public sealed class ActorConfiguration
{
    public string SessionDirectory { get; set; } = "";
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; }
    public string LogPath { get; set; } = "";
    public List<ActorSpec> Actors { get; set; } = new();
}

public sealed class ActorSpec
{
    public string Name { get; set; } = "";
    public string ApplicationName { get; set; } = "";
    public string Database { get; set; } = "";
    public string Role { get; set; } = "";
    public string Password { get; set; } = "";
    public int Connections { get; set; } = 1;
    public string Mode { get; set; } = "loop";
    public int IntervalMs { get; set; } = 500;
    public bool ConnectPerRequest { get; set; }
    public bool StartAfterIncident { get; set; }
    public bool Reconnect { get; set; } = true;
    public List<string> Sql { get; set; } = new();
}
