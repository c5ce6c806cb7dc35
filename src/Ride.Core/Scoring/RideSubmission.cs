namespace Ride.Scoring;

/// <summary>One fix as it ran, with the score of the state it left.</summary>
public sealed class RideSubmission
{
    public string SessionId { get; init; } = "";
    public string ScenarioId { get; init; } = "";
    public int Number { get; init; }

    /// <summary>The fix file, or empty when the fix came from -Sql.</summary>
    public string? Path { get; init; }

    /// <summary>The database the fix started in (it may \connect elsewhere).</summary>
    public string Database { get; init; } = "";
    public DateTimeOffset SubmittedAt { get; init; }
    public bool Succeeded { get; init; }

    /// <summary>The fix was refused before it ran (a psql meta-command that reaches outside the sandbox); the score is of the untouched incident.</summary>
    public bool Rejected { get; init; }
    public int ExitCode { get; init; }
    public string Output { get; init; } = "";
    /// <summary>psql's full error output, with context lines.</summary>
    public string? Error { get; init; }

    /// <summary>The server's message for the statement that stopped the fix.</summary>
    public string? ErrorMessage { get; init; }
    public int? ErrorLine { get; init; }

    /// <summary>The included file the error is in, when it is not the fix itself.</summary>
    public string? ErrorFile { get; init; }
    public TimeSpan Duration { get; init; }
    public RideScore? Score { get; init; }

    public override string ToString() => $"{SessionId}#{Number}";
}
