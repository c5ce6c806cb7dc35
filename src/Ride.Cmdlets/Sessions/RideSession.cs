using Ride.Sandbox;

namespace Ride.Sessions;

/// <summary>A live drill: one sandbox, its actors and the operator's progress.</summary>
public sealed class RideSession
{
    internal RideSession(SessionRecord state, string status, string? briefing = null)
    {
        SessionId = state.SessionId;
        ScenarioId = state.ScenarioId;
        Engine = state.Engine;
        Status = status;
        StartedAt = state.StartedAt;
        IncidentAt = state.IncidentAt;
        Host = state.Nodes.Count > 0 ? state.Primary.Host : "";
        Port = state.Nodes.Count > 0 ? state.Primary.Port : 0;
        Database = Scenarios.ScenarioIds.DefaultDatabase;
        UserName = state.OperatorRole;
        Password = state.OperatorPassword;
        ConnectionString = $"Host={Host};Port={Port};Database={Database};Username={UserName};Password={Password}";
        PsqlCommand = $"psql \"postgresql://{UserName}:{Password}@{Host}:{Port}/{Database}\"";
        HintsUsed = state.HintsUsed;
        Submissions = state.Submissions;
        Briefing = briefing;
        ContainerId = state.Nodes.Count > 0 ? state.Primary.ContainerId : null;
        ServerVersion = state.Nodes.Count > 0 ? state.Primary.ServerVersion : null;
    }

    public string SessionId { get; }

    public string ScenarioId { get; }

    public EngineKind Engine { get; }

    /// <summary>Running, or Lost when its server is gone.</summary>
    public string Status { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>When the incident was (last) applied: app log entries after it show the incident's effect.</summary>
    public DateTimeOffset? IncidentAt { get; }

    public string Host { get; }

    public int Port { get; }

    public string Database { get; }

    /// <summary>The operator role you connect as.</summary>
    public string UserName { get; }

    public string Password { get; }

    public string ConnectionString { get; }

    /// <summary>A ready-to-paste psql command for the operator role.</summary>
    public string PsqlCommand { get; }

    public int HintsUsed { get; }

    public int Submissions { get; }

    /// <summary>The symptoms, as the on-call operator hears them (set by Start-RideScenario and Reset-RideScenario).</summary>
    public string? Briefing { get; }

    public string? ContainerId { get; }

    public string? ServerVersion { get; }

    public override string ToString() => SessionId;
}
