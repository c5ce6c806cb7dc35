namespace Ride.Scoring;

public enum CheckCategory
{
    Detect,
    Fix,
    Trap,
}

/// <summary>One scored check and what it saw.</summary>
public sealed class RideCheck
{
    public CheckCategory Category { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public int Points { get; init; }
    public int MaxPoints { get; init; }
    public bool Passed { get; init; }
    public string Evidence { get; init; } = "";

    /// <summary>The server the check looked at.</summary>
    public string Node { get; init; } = "";

    public override string ToString() => $"{Category}/{Name}: {Points}/{MaxPoints}";
}

/// <summary>Detect / Fix / Trap for the state of a session at one moment.</summary>
public sealed class RideScore
{
    public string SessionId { get; init; } = "";
    public string ScenarioId { get; init; } = "";
    public DateTimeOffset ScoredAt { get; init; }
    public int Detect { get; init; }
    public int DetectMax { get; init; }
    public int Fix { get; init; }
    public int FixMax { get; init; }
    public int Trap { get; init; }
    public int TrapMax { get; init; }
    public int Total => Detect + Fix + Trap;
    public int Max => DetectMax + FixMax + TrapMax;
    public double Percent => Max == 0 ? 0 : Math.Round(100.0 * Total / Max, 1);

    /// <summary>The system is healthy again (every Fix check passed) and no trap was sprung.</summary>
    public bool Passed { get; init; }
    public int HintsUsed { get; init; }
    public int Submission { get; init; }
    public RideCheck[] Checks { get; init; } = Array.Empty<RideCheck>();

    public override string ToString() => $"{Total}/{Max}";
}
