using System.Text;
using Ride.Common;

namespace Ride.FrontDoor;

/// <summary>A <c>--name</c> option of a verb: sets <paramref name="Parameter"/> to <paramref name="Value"/>, or to the next word when Value is null.</summary>
public sealed record RideFlag(string Name, string Parameter, object? Value);

/// <summary>One <c>ride postgres</c> verb: the command it runs and how its words map onto that command's parameters.</summary>
public sealed record RideVerb(string Name, string Command, string Arguments, string Summary)
{
    /// <summary>The parameter that bare words bind to, if any.</summary>
    public string? Positional { get; init; }

    public bool PositionalRequired { get; init; }

    /// <summary>Several bare words bind, as an array.</summary>
    public bool PositionalMany { get; init; }

    public IReadOnlyList<RideFlag> Flags { get; init; } = Array.Empty<RideFlag>();
}

/// <summary>A parameter of the command a verb runs, as the binder needs to know it.</summary>
public sealed record CommandParameter(string Name, bool IsSwitch);

/// <summary>
/// The words after <c>ride postgres &lt;verb&gt;</c>, turned into the parameters of the verb's command: its positional
/// argument, its --flags, and any -Parameter [value] of the command itself (resolved by the caller: full name, alias or
/// unique prefix, as PowerShell would).
/// </summary>
public static class RideCommandLine
{
    public const string Track = "postgres";
    public const string HelpWord = "help";
    public const string HelpFlag = "--help";

    public static bool IsHelp(string word) =>
        word.Equals(HelpWord, StringComparison.OrdinalIgnoreCase) || word.Equals(HelpFlag, StringComparison.OrdinalIgnoreCase);

    public static Dictionary<string, object> Bind(RideVerb verb, IReadOnlyList<string> words, Func<string, CommandParameter?> findParameter)
    {
        var parameters = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        var positional = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.StartsWith("--", StringComparison.Ordinal) && word.Length > 2)
            {
                var equals = word.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? word[2..] : word[2..equals];
                var flag = verb.Flags.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                    ?? throw InvalidArgument(verb, $"'ride {Track} {verb.Name}' has no option '--{name}'.", word);
                if (flag.Value is not null && equals >= 0)
                {
                    throw InvalidArgument(verb, $"'--{name}' takes no value.", word);
                }

                parameters[flag.Parameter] = flag.Value ?? (equals >= 0 ? word[(equals + 1)..] : NextWord(verb, words, ref i, word));
            }
            else if (word.Length > 1 && word[0] == '-' && char.IsLetter(word[1]))
            {
                // PowerShell hands `-Name:$false` over as the two words '-Name:' and 'False'.
                var explicitValue = word.EndsWith(':');
                var name = word[1..].TrimEnd(':');
                var parameter = findParameter(name) ?? throw InvalidArgument(verb, $"{verb.Command} has no parameter -{name}.", word);
                parameters[parameter.Name] = parameter.IsSwitch && !explicitValue
                    ? true
                    : parameter.IsSwitch
                        ? SwitchValue(verb, NextWord(verb, words, ref i, word), word)
                        : NextWord(verb, words, ref i, word);
            }
            else
            {
                positional.Add(word);
            }
        }

        if (positional.Count > 0)
        {
            if (verb.Positional is null)
            {
                throw InvalidArgument(verb, $"'ride {Track} {verb.Name}' takes no argument, but was given '{positional[0]}'.", positional[0]);
            }

            if (positional.Count > 1 && !verb.PositionalMany)
            {
                throw InvalidArgument(verb, $"'ride {Track} {verb.Name}' takes one argument, but was given {positional.Count}: {string.Join(" ", positional)}.",
                    positional[1]);
            }

            parameters[verb.Positional] = verb.PositionalMany ? positional.ToArray() : positional[0];
        }
        else if (verb.PositionalRequired && !parameters.ContainsKey(verb.Positional!))
        {
            throw InvalidArgument(verb, $"'ride {Track} {verb.Name}' needs {verb.Arguments.Split(' ')[0]}.", null);
        }

        return parameters;
    }

    /// <summary>The parameter a name means, as PowerShell would resolve it: the full name, an alias, or a unique prefix.</summary>
    public static T? Resolve<T>(IEnumerable<T> parameters, string name, Func<T, string> nameOf, Func<T, IEnumerable<string>> aliasesOf)
        where T : class
    {
        var all = parameters.ToList();
        var exact = all.FirstOrDefault(p => nameOf(p).Equals(name, StringComparison.OrdinalIgnoreCase)
                                            || aliasesOf(p).Contains(name, StringComparer.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var prefixed = all.Where(p => nameOf(p).StartsWith(name, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return prefixed.Count == 1 ? prefixed[0] : null;
    }

    /// <summary>What <c>ride help</c> prints.</summary>
    public static string Usage(IReadOnlyList<RideVerb> verbs)
    {
        var callWidth = verbs.Max(v => $"{v.Name} {v.Arguments}".Length) + 2;
        var summaryWidth = verbs.Max(v => v.Summary.Length) + 2;
        var text = new StringBuilder()
            .AppendLine("ride: PostgreSQL production incidents as hands-on drills (the Ride module)")
            .AppendLine()
            .AppendLine($"Usage: ride {Track} <verb> [arguments]")
            .AppendLine();
        foreach (var verb in verbs)
        {
            text.Append("  ").Append($"{verb.Name} {verb.Arguments}".PadRight(callWidth))
                .Append(verb.Summary.PadRight(summaryWidth)).AppendLine(verb.Command);
        }

        return text
            .Append("  ").Append(HelpWord.PadRight(callWidth)).AppendLine("this text")
            .AppendLine()
            .AppendLine("Any parameter of the cmdlet may follow, e.g. ride postgres log -Source Server -Session 3f9a61c2.")
            .AppendLine()
            .AppendLine("A drill:")
            .AppendLine("  ride postgres start stage-09/05-backward-incompatible-migration")
            .AppendLine("  ride postgres activity old_app*")
            .AppendLine("  ride postgres submit ./fix.sql")
            .AppendLine("  ride postgres score")
            .AppendLine("  ride postgres stop")
            .AppendLine()
            .Append("More: Get-Help Invoke-Ride, Get-Help about_Ride")
            .ToString();
    }

    public static RideException InvalidArgument(RideVerb verb, string message, object? target) =>
        new("InvalidRideArgument", RideErrorCategory.InvalidArgument,
            $"{message} Usage: ride {Track} {verb.Name} {verb.Arguments}".TrimEnd(), target);

    private static string NextWord(RideVerb verb, IReadOnlyList<string> words, ref int index, string option)
    {
        if (index + 1 >= words.Count)
        {
            throw InvalidArgument(verb, $"'{option}' needs a value.", option);
        }

        return words[++index];
    }

    private static bool SwitchValue(RideVerb verb, string value, string option) => bool.TryParse(value, out var result)
        ? result
        : throw InvalidArgument(verb, $"'{option}' takes True or False, not '{value}'.", value);
}
