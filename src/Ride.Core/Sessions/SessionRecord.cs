using System.Text.Json.Serialization;
using Ride.Common;
using Ride.Engines;

namespace Ride.Sessions;

/// <summary>Everything Ride remembers about a session, kept as session.json in the session folder.</summary>
public sealed class SessionRecord
{
    public const string SystemUser = "ride_system";

    public string SessionId { get; set; } = "";
    public string ScenarioId { get; set; } = "";
    public string ScenarioPath { get; set; } = "";
    public EngineKind Engine { get; set; }
    public string Status { get; set; } = SessionStatus.Starting;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? IncidentAt { get; set; }
    public string SuperUser { get; set; } = SystemUser;
    public string SuperPassword { get; set; } = "";
    public string OperatorRole { get; set; } = "dba";
    public string OperatorPassword { get; set; } = "";
    public Dictionary<string, string> RolePasswords { get; set; } = new();

    /// <summary>The session's servers: its topology. A single-server scenario has one, the primary.</summary>
    public List<NodeRecord> Nodes { get; set; } = new();

    /// <summary>Docker: the session's own network.</summary>
    public string? Network { get; set; }

    public int? ActorsPid { get; set; }
    public int HintsUsed { get; set; }
    public int Submissions { get; set; }

    /// <summary>How many times the session was reset; evidence is kept per generation.</summary>
    public int Resets { get; set; }

    /// <summary>The node that is the primary now: found by role, since promotion moves it.</summary>
    [JsonIgnore]
    public NodeRecord Primary => Nodes.FirstOrDefault(n => n.Role == NodeRole.Primary)
                                 ?? throw new RideException("NoPrimary", RideErrorCategory.InvalidOperation,
                                     $"Session {SessionId} has no primary node right now.", SessionId);

    /// <summary>A node by name; the primary when no name is given.</summary>
    public NodeRecord Node(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return Primary;
        }

        return Nodes.FirstOrDefault(n => n.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
               ?? throw new RideException("NodeNotFound", RideErrorCategory.ObjectNotFound,
                   $"Session {SessionId} has no node '{name}'. Its nodes: {string.Join(", ", Nodes.Select(n => n.Name))}.", name);
    }

    /// <summary>The password of any role Ride created: its own, the operator's, or an application role's.</summary>
    public string PasswordOf(string role) =>
        role == SuperUser ? SuperPassword
        : role == OperatorRole ? OperatorPassword
        : RolePasswords.TryGetValue(role, out var password) ? password
        : throw new RideException("RoleNotFound", RideErrorCategory.ObjectNotFound, $"Ride did not create a role named '{role}' in session {SessionId}.", role);
}

public static class SessionStatus
{
    public const string Starting = "Starting";
    public const string Running = "Running";
    public const string Lost = "Lost";
    public const string Stopped = "Stopped";
}
