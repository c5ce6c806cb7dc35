using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Text;
using Ride.Common;
using Ride.Sandbox;
using Ride.Scenarios;
using Ride.Scoring;
using Ride.Sessions;
using Ride.Workload;

namespace Ride.Cmdlets;

/// <summary>
/// The <c>ride</c> front door: <c>ride postgres start stage-09/05-backward-incompatible-migration</c>, as printed on
/// the scenario pages, works verbatim. Each verb runs one Ride cmdlet in this pipeline, so what it writes (objects,
/// errors, progress, warnings, the briefing) is exactly what the cmdlet itself writes.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "Ride")]
[Alias("ride")]
[OutputType(typeof(RideScenario), typeof(RideSession), typeof(RideActivity), typeof(RideHint), typeof(RideLogEntry),
    typeof(RideSubmission), typeof(RideScore), typeof(RidePostmortem), typeof(string))]
public sealed class InvokeRideCommand : RideCmdlet
{
    /// <summary>The only track so far; the word after <c>ride</c>.</summary>
    public const string Track = "postgres";

    private const string HelpWord = "help";
    private const string HelpFlag = "--help";

    // The script that runs a verb's cmdlet with the parameters worked out from the words.
    private const string RunCmdletScript = "param($command, $parameters) & $command @parameters";

    internal static readonly IReadOnlyList<RideVerb> Verbs = new RideVerb[]
    {
        new("list", typeof(GetRideScenarioCommand), "[id-pattern]", "the scenario catalog") { Positional = "Id" },
        new("start", typeof(StartRideScenarioCommand), "<scenario-id> [--engine docker|local]", "boot a sandbox and break it")
        {
            Positional = "Id",
            PositionalRequired = true,
            Flags = new[] { new RideFlag("engine", "Engine", null) },
        },
        new("status", typeof(GetRideSessionCommand), "[session-id]", "sessions and their state") { Positional = "Id" },
        new("activity", typeof(GetRideActivityCommand), "[app-pattern...]", "live backends, who blocks whom")
        {
            Positional = "ApplicationName",
            PositionalMany = true,
        },
        new("hint", typeof(GetRideHintCommand), "[--all]", "the next staged hint")
        {
            Flags = new[] { new RideFlag("all", "All", SwitchParameter.Present) },
        },
        new("log", typeof(GetRideLogCommand), "[--server]", "what the apps (or server) logged")
        {
            Flags = new[] { new RideFlag("server", "Source", LogSource.Server) },
        },
        new("submit", typeof(SubmitRideFixCommand), "<fix.sql>", "run your fix and score it") { Positional = "Path", PositionalRequired = true },
        new("score", typeof(GetRideScoreCommand), "", "Detect / Fix / Trap, now"),
        new("postmortem", typeof(GetRidePostmortemCommand), "[--force]", "the explanation, after a submit")
        {
            Flags = new[] { new RideFlag("force", "Force", SwitchParameter.Present) },
        },
        new("reset", typeof(ResetRideScenarioCommand), "", "back to the start of the incident"),
        new("stop", typeof(StopRideScenarioCommand), "", "stop the apps, remove the sandbox"),
    };

    /// <summary>The words after <c>ride</c>: the track (postgres), a verb and its arguments.</summary>
    [Parameter(Position = 0, ValueFromRemainingArguments = true)]
    [ArgumentCompleter(typeof(RideArgumentCompleter))]
    [AllowEmptyCollection]
    public string[] ArgumentList { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        try
        {
            var words = ArgumentList;
            if (words.Length == 0 || IsHelp(words[0]))
            {
                WriteObject(Usage());
                return;
            }

            if (!words[0].Equals(Track, StringComparison.OrdinalIgnoreCase))
            {
                throw new RideException("UnknownRideCommand", ErrorCategory.ObjectNotFound,
                    $"'ride {words[0]}' is not a Ride command. Use: ride {Track} <{string.Join("|", Verbs.Select(v => v.Name))}>, or ride {HelpWord}.", words[0]);
            }

            if (words.Length == 1 || IsHelp(words[1]))
            {
                WriteObject(Usage());
                return;
            }

            var verb = Verbs.FirstOrDefault(v => v.Name.Equals(words[1], StringComparison.OrdinalIgnoreCase))
                ?? throw new RideException("UnknownRideCommand", ErrorCategory.ObjectNotFound,
                    $"'ride {Track} {words[1]}' is not a Ride command. The verbs are: {string.Join(", ", Verbs.Select(v => v.Name))}, {HelpWord}.", words[1]);
            var arguments = words[2..];
            if (arguments.Contains(HelpFlag, StringComparer.OrdinalIgnoreCase))
            {
                WriteObject(Usage());
                return;
            }

            var command = InvokeCommand.GetCmdletByTypeName(verb.Cmdlet.FullName!);
            var parameters = Bind(verb, command, arguments);

            // -Verbose, -ErrorAction and the other common parameters given to ride apply to the cmdlet it runs.
            foreach (var (name, value) in MyInvocation.BoundParameters)
            {
                if (name != nameof(ArgumentList))
                {
                    parameters[name] = value;
                }
            }

            RunVerb(command, parameters);
        }
        catch (RideException ex)
        {
            ThrowRide(ex);
        }
    }

    /// <summary>
    /// Runs the cmdlet in this pipeline, so its output and errors stream straight into ours and its progress,
    /// warnings, information and ShouldProcess prompts reach the host as if the cmdlet had been typed.
    /// </summary>
    private void RunVerb(CmdletInfo command, Hashtable parameters)
    {
        try
        {
            InvokeCommand.InvokeScript(RunCmdletScript, true, PipelineResultTypes.Output | PipelineResultTypes.Error, null, command, parameters);
        }
        catch (RuntimeException ex) when (ex is not PipelineStoppedException && ex.ErrorRecord is not null)
        {
            // The cmdlet's own record, so `ride` fails with the error id, category and target of the cmdlet it ran.
            ThrowTerminatingError(ex.ErrorRecord);
        }
    }

    /// <summary>Turns the words after the verb into the cmdlet's parameters: the verb's positional argument, its
    /// --flags, and any -Parameter [value] of the cmdlet itself.</summary>
    private static Hashtable Bind(RideVerb verb, CmdletInfo command, string[] words)
    {
        var parameters = new Hashtable(StringComparer.OrdinalIgnoreCase);
        var positional = new List<string>();
        for (var i = 0; i < words.Length; i++)
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

                if (flag.Value is not null)
                {
                    parameters[flag.Parameter] = flag.Value;
                }
                else if (equals >= 0)
                {
                    parameters[flag.Parameter] = word[(equals + 1)..];
                }
                else
                {
                    parameters[flag.Parameter] = NextWord(verb, words, ref i, word);
                }
            }
            else if (word.Length > 1 && word[0] == '-' && char.IsLetter(word[1]))
            {
                // PowerShell hands `-Name:$false` over as the two words '-Name:' and 'False'.
                var explicitValue = word.EndsWith(':');
                var name = word[1..].TrimEnd(':');
                var parameter = FindParameter(command, name)
                    ?? throw InvalidArgument(verb, $"{command.Name} has no parameter -{name}.", word);
                if (parameter.SwitchParameter && !explicitValue)
                {
                    parameters[parameter.Name] = SwitchParameter.Present;
                }
                else if (parameter.SwitchParameter)
                {
                    parameters[parameter.Name] = SwitchValue(verb, NextWord(verb, words, ref i, word), word);
                }
                else
                {
                    parameters[parameter.Name] = NextWord(verb, words, ref i, word);
                }
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
                throw InvalidArgument(verb, $"'ride {Track} {verb.Name}' takes one argument, but was given {positional.Count}: {string.Join(" ", positional)}.", positional[1]);
            }

            parameters[verb.Positional] = verb.PositionalMany ? positional.ToArray() : positional[0];
        }
        else if (verb.PositionalRequired && !parameters.ContainsKey(verb.Positional!))
        {
            throw InvalidArgument(verb, $"'ride {Track} {verb.Name}' needs {verb.Arguments.Split(' ')[0]}.", null);
        }

        return parameters;
    }

    private static string NextWord(RideVerb verb, string[] words, ref int index, string option)
    {
        if (index + 1 >= words.Length)
        {
            throw InvalidArgument(verb, $"'{option}' needs a value.", option);
        }

        return words[++index];
    }

    private static bool SwitchValue(RideVerb verb, string value, string option) => bool.TryParse(value, out var result)
        ? result
        : throw InvalidArgument(verb, $"'{option}' takes True or False, not '{value}'.", value);

    /// <summary>The parameter a name means, as PowerShell would resolve it: the full name, an alias, or a unique prefix.</summary>
    private static ParameterMetadata? FindParameter(CmdletInfo command, string name)
    {
        var all = command.Parameters.Values;
        var exact = all.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                                            || p.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var prefixed = all.Where(p => p.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return prefixed.Count == 1 ? prefixed[0] : null;
    }

    private static RideException InvalidArgument(RideVerb verb, string message, object? target) =>
        new("InvalidRideArgument", ErrorCategory.InvalidArgument,
            $"{message} Usage: ride {Track} {verb.Name} {verb.Arguments}".TrimEnd(), target);

    private static bool IsHelp(string word) =>
        word.Equals(HelpWord, StringComparison.OrdinalIgnoreCase) || word.Equals(HelpFlag, StringComparison.OrdinalIgnoreCase);

    /// <summary>What <c>ride help</c> prints.</summary>
    internal static string Usage()
    {
        var callWidth = Verbs.Max(v => $"{v.Name} {v.Arguments}".Length) + 2;
        var summaryWidth = Verbs.Max(v => v.Summary.Length) + 2;
        var text = new StringBuilder()
            .AppendLine("ride: PostgreSQL production incidents as hands-on drills (the Ride module)")
            .AppendLine()
            .AppendLine($"Usage: ride {Track} <verb> [arguments]")
            .AppendLine();
        foreach (var verb in Verbs)
        {
            text.Append("  ").Append($"{verb.Name} {verb.Arguments}".PadRight(callWidth))
                .Append(verb.Summary.PadRight(summaryWidth)).AppendLine(verb.CmdletName);
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
}

/// <summary>One <c>ride postgres</c> verb: the cmdlet it runs and how its words map onto that cmdlet's parameters.</summary>
internal sealed class RideVerb
{
    public RideVerb(string name, Type cmdlet, string arguments, string summary)
    {
        Name = name;
        Cmdlet = cmdlet;
        Arguments = arguments;
        Summary = summary;
        var attribute = cmdlet.GetCustomAttribute<CmdletAttribute>()!;
        CmdletName = $"{attribute.VerbName}-{attribute.NounName}";
    }

    public string Name { get; }

    public Type Cmdlet { get; }

    public string CmdletName { get; }

    /// <summary>The arguments as the usage text shows them.</summary>
    public string Arguments { get; }

    public string Summary { get; }

    /// <summary>The parameter that bare words bind to, if any.</summary>
    public string? Positional { get; init; }

    public bool PositionalRequired { get; init; }

    /// <summary>Several bare words bind, as an array.</summary>
    public bool PositionalMany { get; init; }

    public RideFlag[] Flags { get; init; } = Array.Empty<RideFlag>();
}

/// <summary>A <c>--name</c> option: sets <paramref name="Parameter"/> to <paramref name="Value"/>, or to the next word when Value is null.</summary>
internal sealed record RideFlag(string Name, string Parameter, object? Value);

/// <summary>Tab completion for <c>ride</c>: the track, the verbs, then what each verb takes.</summary>
public sealed class RideArgumentCompleter : IArgumentCompleter
{
    private static readonly string[] Engines = { nameof(EngineKind.Docker), nameof(EngineKind.Local), nameof(EngineKind.Auto) };

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        // The words before the one being completed.
        var words = commandAst.CommandElements.Skip(1).Select(e => e.Extent.Text).ToList();
        if (wordToComplete.Length > 0 && words.Count > 0 && words[^1] == wordToComplete)
        {
            words.RemoveAt(words.Count - 1);
        }

        if (words.Count == 0)
        {
            return Words(wordToComplete, new[] { InvokeRideCommand.Track, "help" });
        }

        if (!words[0].Equals(InvokeRideCommand.Track, StringComparison.OrdinalIgnoreCase))
        {
            return Array.Empty<CompletionResult>();
        }

        if (words.Count == 1)
        {
            return InvokeRideCommand.Verbs
                .Where(v => v.Name.StartsWith(wordToComplete, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v.Name, v.Name, CompletionResultType.ParameterValue, $"{v.Summary} ({v.CmdletName})"));
        }

        if (words[^1].Equals("--engine", StringComparison.OrdinalIgnoreCase))
        {
            return Words(wordToComplete, Engines);
        }

        // An empty answer lets PowerShell fall back to file names, which is what `submit` wants.
        return words[1].ToLowerInvariant() switch
        {
            "start" or "list" => new ScenarioIdCompleter().CompleteArgument(commandName, parameterName, wordToComplete, commandAst, fakeBoundParameters),
            "status" => new SessionIdCompleter().CompleteArgument(commandName, parameterName, wordToComplete, commandAst, fakeBoundParameters),
            "activity" => new ApplicationNameCompleter().CompleteArgument(commandName, parameterName, wordToComplete, commandAst, fakeBoundParameters),
            _ => Array.Empty<CompletionResult>(),
        };
    }

    private static IEnumerable<CompletionResult> Words(string prefix, IEnumerable<string> words) =>
        words.Where(w => w.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(w => new CompletionResult(w, w, CompletionResultType.ParameterValue, w));
}
