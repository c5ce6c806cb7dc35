using Ride.Engines;
using Ride.Scenarios;

namespace Ride.Sessions;

/// <summary>A live drill: its servers, its actors and the operator's progress.</summary>
public sealed class RideSession
{
    internal RideSession(SessionRecord state, string status, string? briefing = null, IReadOnlyDictionary<string, string>? nodeStatus = null)
    {
        SessionId = state.SessionId;
        ScenarioId = state.ScenarioId;
        Engine = state.Engine;
        Status = status;
        StartedAt = state.StartedAt;
        IncidentAt = state.IncidentAt;
        Database = ScenarioIds.DefaultDatabase;
        UserName = state.OperatorRole;
        Password = state.OperatorPassword;
        Nodes = state.Nodes.Select(n => new RideNode(n, state.OperatorRole, state.OperatorPassword, Database,
            nodeStatus is not null && nodeStatus.TryGetValue(n.Name, out var s) ? s
            : n.Fenced ? NodeStatus.Fenced
            : n.StoppedOnPurpose ? NodeStatus.Stopped
            : status == SessionStatus.Running ? NodeStatus.Running : status)).ToArray();
        var primary = Nodes.FirstOrDefault(n => n.Role == NodeRole.Primary) ?? Nodes.FirstOrDefault();
        Host = primary?.Host ?? "";
        Port = primary?.Port ?? 0;
        ConnectionString = primary?.ConnectionString ?? "";
        PsqlCommand = primary?.PsqlCommand ?? "";
        ContainerId = primary?.ContainerId;
        ServerVersion = state.Nodes.FirstOrDefault()?.ServerVersion;
        HintsUsed = state.HintsUsed;
        Submissions = state.Submissions;
        Briefing = briefing;
    }

    public string SessionId { get; }

    public string ScenarioId { get; }

    public EngineKind Engine { get; }

    /// <summary>Running, or Lost when a server is gone.</summary>
    public string Status { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>When the incident was (last) applied: app log entries after it show the incident's effect.</summary>
    public DateTimeOffset? IncidentAt { get; }

    /// <summary>The session's servers, each with its role and its own psql command.</summary>
    public RideNode[] Nodes { get; }

    /// <summary>The primary's host.</summary>
    public string Host { get; }

    /// <summary>The primary's port.</summary>
    public int Port { get; }

    public string Database { get; }

    /// <summary>The operator role you connect as.</summary>
    public string UserName { get; }

    public string Password { get; }

    public string ConnectionString { get; }

    /// <summary>A ready-to-paste psql command for the operator role, on the primary.</summary>
    public string PsqlCommand { get; }

    public int HintsUsed { get; }

    public int Submissions { get; }

    /// <summary>The symptoms, as the on-call operator hears them (set by Start-RideScenario and Reset-RideScenario).</summary>
    public string? Briefing { get; }

    public string? ContainerId { get; }

    public string? ServerVersion { get; }

    public override string ToString() => SessionId;
}

/// <summary>One server of a session, as the operator reaches it.</summary>
public sealed class RideNode
{
    internal RideNode(NodeRecord node, string user, string password, string database, string status)
    {
        Name = node.Name;
        Role = node.Role;
        Status = status;
        Upstream = node.Upstream;
        Host = node.Host;
        Port = node.Port;
        ContainerId = node.ContainerId;
        ConnectionString = $"Host={Host};Port={Port};Database={database};Username={user};Password={password}";
        PsqlCommand = $"psql \"postgresql://{user}:{password}@{Host}:{Port}/{database}\"";
    }

    public string Name { get; }

    public NodeRole Role { get; }

    /// <summary>Running, Stopped or Fenced (on purpose), or Lost.</summary>
    public string Status { get; }

    public string? Upstream { get; }

    public string Host { get; }

    public int Port { get; }

    public string? ContainerId { get; }

    public string ConnectionString { get; }

    public string PsqlCommand { get; }

    public override string ToString() => $"{Name} ({Role}, {Status}) {Host}:{Port}";
}
