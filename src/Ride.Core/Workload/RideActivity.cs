namespace Ride.Workload;

/// <summary>One row of pg_stat_activity, typed, with the pids that block it.</summary>
public sealed class RideActivity
{
    public string SessionId { get; init; } = "";

    /// <summary>The server the backend runs on.</summary>
    public string Node { get; init; } = "";
    public int Pid { get; init; }
    public string? Database { get; init; }
    public string? UserName { get; init; }
    public string ApplicationName { get; init; } = "";
    public string? ClientAddress { get; init; }
    public string? State { get; init; }
    public string? WaitEventType { get; init; }
    public string? WaitEvent { get; init; }
    public int[] BlockedBy { get; init; } = Array.Empty<int>();
    public DateTime? BackendStart { get; init; }
    public DateTime? TransactionStart { get; init; }
    public DateTime? QueryStart { get; init; }
    public DateTime? StateChange { get; init; }
    public string? BackendXmin { get; init; }
    public string? Query { get; init; }

    public override string ToString() => $"{Pid} {ApplicationName} {State}";
}
