using System.Globalization;
using System.Text.RegularExpressions;

namespace Ride.Scenarios;

/// <summary>
/// A fix in a scenario's graded/ folder: a partial or imperfect fix that a careful human grader scored. Its first
/// line states that grade, and Test-RideScenario proves Ride gives the same.
/// </summary>
public static partial class GradedFix
{
    [GeneratedRegex(@"^\s*--\s*grade:\s*detect\s+(?<detect>\d+)\s*,\s*fix\s+(?<fix>\d+)\s*,\s*trap\s+(?<trap>\d+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex GradeLine();

    /// <summary>The grade of '-- grade: detect 20, fix 40, trap 20', or null when the line is not one.</summary>
    public static (int Detect, int Fix, int Trap)? Expected(string firstLine)
    {
        var match = GradeLine().Match(firstLine);
        return match.Success
            ? (Parse(match, "detect"), Parse(match, "fix"), Parse(match, "trap"))
            : null;
    }

    private static int Parse(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
}
