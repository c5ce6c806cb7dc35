using Ride.Sandbox;

namespace Ride.Sessions;

/// <summary>Everything Ride remembers about a session, kept as session.json in the session folder.</summary>
public sealed class SessionRecord
{
    public string SessionId { get; set; } = "";
    public string ScenarioId { get; set; } = "";
    public string ScenarioPath { get; set; } = "";
    public EngineKind Engine { get; set; }
    public string Status { get; set; } = SessionStatus.Starting;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? IncidentAt { get; set; }
    public string SuperUser { get; set; } = "ride_system";
    public string SuperPassword { get; set; } = "";
    public string OperatorRole { get; set; } = "dba";
    public string OperatorPassword { get; set; } = "";
    public Dictionary<string, string> RolePasswords { get; set; } = new();
    public List<SandboxNode> Nodes { get; set; } = new();
    public int? ActorsPid { get; set; }
    public int HintsUsed { get; set; }
    public List<string> CommandsUsed { get; set; } = new();
    public int Submissions { get; set; }
    public int Resets { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public SandboxNode Primary => Nodes[0];
}

public static class SessionStatus
{
    public const string Starting = "Starting";
    public const string Running = "Running";
    public const string Lost = "Lost";
    public const string Stopped = "Stopped";
}
