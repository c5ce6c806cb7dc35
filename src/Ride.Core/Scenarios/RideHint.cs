namespace Ride.Scenarios;

/// <summary>A staged hint: hints come one at a time, and how many were used is reported with the score.</summary>
public sealed class RideHint
{
    public string SessionId { get; init; } = "";
    public string ScenarioId { get; init; } = "";
    public int Number { get; init; }
    public int Total { get; init; }
    public string Text { get; init; } = "";

    public override string ToString() => $"Hint {Number}/{Total}: {Text}";
}

/// <summary>The spoiler: root cause, how it was found, the fix, the lesson.</summary>
public sealed class RidePostmortem
{
    public string SessionId { get; init; } = "";
    public string ScenarioId { get; init; } = "";
    public string Title { get; init; } = "";
    public string Text { get; init; } = "";
    public string Path { get; init; } = "";

    public override string ToString() => Text;
}
