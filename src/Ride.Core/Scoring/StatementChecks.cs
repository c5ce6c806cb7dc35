using System.Text.RegularExpressions;
using Ride.Common;
using Ride.Scenarios;

namespace Ride.Scoring;

/// <summary>Checks decided by the operator's statements alone: a look made (Detect's looked), a move made (Trap's did).</summary>
public static class StatementChecks
{
    /// <summary>The first statement matching the look's before patterns: the change the look had to come before.</summary>
    public static OperatorStatement? FirstChange(LookCondition? look, IReadOnlyList<OperatorStatement> statements) =>
        look is { Before.Count: > 0 }
            ? statements.FirstOrDefault(s => look.Before.Any(p => Regex.IsMatch(s.Text, p, RegexOptions.IgnoreCase)))
            : null;

    /// <summary>The first statement that looked where the check says, in order; or what came closest, and why it does not count.</summary>
    public static (bool Passed, string Evidence) Looked(LookCondition look, IReadOnlyList<OperatorStatement> statements, IReadOnlyList<string> commands)
    {
        var firstChange = FirstChange(look, statements);
        var matching = statements.Where(s => look.Any.Any(p => Regex.IsMatch(s.Text, p, RegexOptions.IgnoreCase))).ToList();
        var hit = matching.FirstOrDefault(s => (look.Database.Length == 0 || s.Database == look.Database) && (!look.Reads || s.IsRead)
                                               && (firstChange is null || s.Sequence < firstChange.Sequence));
        if (hit is not null)
        {
            return (true, $"#{hit.Sequence} in {hit.Database}: {Text.OneLine(hit.Text, 100)}" + (firstChange is null ? "" : $" (before #{firstChange.Sequence}: {Text.OneLine(firstChange.Text, 100)})"));
        }

        var wanted = string.Join(" or ", look.Any) + (look.Database.Length > 0 ? $" in {look.Database}" : "")
                     + (firstChange is null ? "" : $" before #{firstChange.Sequence} ({Text.OneLine(firstChange.Text, 100)})")
                     + (commands.Count > 0 ? ", nor " + string.Join(", ", commands) : "");
        var near = matching.FirstOrDefault();
        var why = near is null ? ""
            : look.Database.Length > 0 && near.Database != look.Database ? $"; #{near.Sequence} ran in {near.Database}, where this cannot be seen"
            : look.Reads && !near.IsRead ? $"; #{near.Sequence} ({Text.OneLine(near.Text, 100)}) changes something, it does not look"
            : $"; #{near.Sequence} came after the change";
        return (false, $"no look at {wanted}{why}");
    }

    /// <summary>A trap on a move: avoided when none of the operator's statements matches; sprung, naming every one that does.</summary>
    public static (bool Passed, string Evidence) Did(DidCondition did, IReadOnlyList<OperatorStatement> statements)
    {
        var made = statements.Where(s => (did.Database.Length == 0 || s.Database == did.Database)
                                         && did.Any.Any(p => Regex.IsMatch(s.Text, p, RegexOptions.IgnoreCase))).ToList();
        return made.Count == 0
            ? (true, $"no statement{(did.Database.Length > 0 ? " in " + did.Database : "")} made this move")
            : (false, string.Join("; ", made.Select(s => $"#{s.Sequence} in {s.Database}: {Text.OneLine(s.Text.TrimEnd().TrimEnd(';').TrimEnd(), 100)}")));
    }
}
