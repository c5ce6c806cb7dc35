namespace Ride.Scoring;

/// <summary>Adds up checks into Detect / Fix / Trap: the pure part of scoring.</summary>
public static class ScoreCard
{
    /// <summary>The name of the check Ride adds when a fix changed Ride's own role, database or access.</summary>
    public const string TamperingCheck = "ride-untouched";

    /// <summary>
    /// The score of a set of checks. A fix that tampered with Ride forfeits every Trap point: changing the grader is
    /// the most dangerous move of all, whatever else the fix did right.
    /// </summary>
    public static RideScore Total(string sessionId, string scenarioId, IReadOnlyList<RideCheck> checks, int hintsUsed, int submission, DateTimeOffset scoredAt)
    {
        var tampered = checks.Any(c => c.Category == CheckCategory.Trap && c.Name == TamperingCheck && !c.Passed);
        var scored = checks.Select(c => tampered && c.Category == CheckCategory.Trap && c.Points != 0
            ? new RideCheck
            {
                Category = c.Category,
                Name = c.Name,
                Description = c.Description,
                MaxPoints = c.MaxPoints,
                Points = 0,
                Passed = c.Passed,
                Evidence = c.Evidence + " (forfeited: the fix tampered with Ride)",
                Node = c.Node,
            }
            : c).ToArray();

        // Catalog traps cost points (negative) out of the drill's own Trap points; the section never goes below zero.
        int Sum(CheckCategory category, bool max) => Math.Max(0, scored.Where(k => k.Category == category).Sum(k => max ? k.MaxPoints : k.Points));
        return new RideScore
        {
            SessionId = sessionId,
            ScenarioId = scenarioId,
            ScoredAt = scoredAt,
            Detect = Sum(CheckCategory.Detect, false),
            DetectMax = Sum(CheckCategory.Detect, true),
            Fix = Sum(CheckCategory.Fix, false),
            FixMax = Sum(CheckCategory.Fix, true),
            Trap = Sum(CheckCategory.Trap, false),
            TrapMax = Sum(CheckCategory.Trap, true),
            Passed = scored.Where(c => c.Category != CheckCategory.Detect).All(c => c.Passed),
            HintsUsed = hintsUsed,
            Submission = submission,
            Checks = scored,
        };
    }
}
