using System.Text.RegularExpressions;
using Ride.Common;

namespace Ride.Scoring;

/// <summary>One step of a fix: SQL for psql on a node (the primary when null), or a safe action between two parts of it.</summary>
public sealed record FixStep(int Line, string? Sql, string? Action, string? Node)
{
    public bool IsAction => Action is not null;
}

/// <summary>
/// A fix file (and a scenario's incident script) may run safe actions in order with its SQL, one per directive line:
/// <c>-- ride: action promote-replica replica1</c>, and send the SQL after <c>-- ride: node replica1</c> to another
/// node than the primary. Directives are comments, so the file stays valid SQL for psql. Each SQL part between
/// directives is a psql run of its own; it keeps the file's line numbers (the other lines left empty), so errors point
/// at the line in the file.
/// </summary>
public static partial class FixSteps
{
    [GeneratedRegex(@"^\s*--\s*ride\s*:(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex DirectivePattern();

    [GeneratedRegex(@"^\s*action\s+(?<action>[a-z][a-z-]*)(\s+(?<node>[a-z_][a-z0-9_]*))?\s*$")]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@"^\s*node\s+(?<node>[a-z_][a-z0-9_]*)\s*$")]
    private static partial Regex NodePattern();

    public static IReadOnlyList<FixStep> Split(string sql)
    {
        var lines = sql.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var steps = new List<FixStep>();
        var start = 0;
        string? node = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var directive = DirectivePattern().Match(lines[i]);
            if (!directive.Success)
            {
                continue;
            }

            var action = ActionPattern().Match(directive.Groups["rest"].Value);
            var target = NodePattern().Match(directive.Groups["rest"].Value);
            if (!action.Success && !target.Success)
            {
                throw new RideException("FixRejected", RideErrorCategory.InvalidData,
                    $"Line {i + 1}: '{lines[i].Trim()}' is not a Ride directive. Write '-- ride: action <name> [node]' or '-- ride: node <name>'.", i + 1);
            }

            AddSql(steps, lines, start, i, node);
            if (action.Success)
            {
                steps.Add(new FixStep(i + 1, null, action.Groups["action"].Value, action.Groups["node"].Success ? action.Groups["node"].Value : null));
            }
            else
            {
                node = target.Groups["node"].Value;
            }

            start = i + 1;
        }

        if (steps.Count == 0 && node is null)
        {
            // No directive: the fix is one psql run of exactly what was submitted.
            return new[] { new FixStep(1, sql, null, null) };
        }

        AddSql(steps, lines, start, lines.Count, node);
        return steps;
    }

    /// <summary>Lines [from, to) as a script of their own, every other line of the file left empty.</summary>
    private static void AddSql(List<FixStep> steps, IReadOnlyList<string> lines, int from, int to, string? node)
    {
        var part = lines.Skip(from).Take(to - from).ToList();
        if (part.All(l => l.Trim().Length == 0 || l.TrimStart().StartsWith("--", StringComparison.Ordinal)))
        {
            return;
        }

        var text = string.Concat(Enumerable.Repeat("\n", from)) + string.Join("\n", part);
        text = text.EndsWith('\n') ? text : text + "\n";
        steps.Add(new FixStep(from + 1, text, null, node));
    }
}
