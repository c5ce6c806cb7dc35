using System.Globalization;
using Ride.Evidence;
using Ride.Scenarios;

namespace Ride.Scoring;

/// <summary>
/// Checks on the safe actions the operator ran, read from the evidence log in the order they ran. An action counts
/// when it was carried out or found its result already in place; a refused one does not.
/// </summary>
public static class ActionChecks
{
    /// <summary>
    /// Detect and Fix pass when the action ran (on the node, after the other action, when given). A trap is sprung when
    /// the action ran at all, or, when it names an action to come after, when it ran without that one before it.
    /// </summary>
    public static (bool Passed, string Evidence) Evaluate(ActionCondition condition, IReadOnlyList<EvidenceEvent> evidence, bool trap)
    {
        var runs = evidence.Where(e => e.Kind == EvidenceKinds.Action && e.Outcome is { } outcome
                                       && (outcome.StartsWith(Actions.RideActionResult.Done, StringComparison.Ordinal)
                                           || outcome.StartsWith(Actions.RideActionResult.Unchanged, StringComparison.Ordinal)))
            .ToList();
        var index = runs.FindIndex(e => e.Name == condition.Ran && (condition.Node.Length == 0 || NodeOf(e) == condition.Node));
        var where = condition.Node.Length > 0 ? " on " + condition.Node : "";
        if (index < 0)
        {
            return (trap, $"{condition.Ran}{where} was not run");
        }

        var ran = runs[index];
        var at = $"{condition.Ran} ran on {NodeOf(ran)} at {ran.Time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}";
        if (condition.After.Length == 0)
        {
            return (!trap, at);
        }

        var before = runs.Take(index).Any(e => e.Name == condition.After);
        return before
            ? (true, $"{at}, after {condition.After}")
            : (false, $"{at}, without {condition.After} before it");
    }

    private static string NodeOf(EvidenceEvent e) => e.Arguments.TryGetValue("node", out var node) ? node : "";
}
