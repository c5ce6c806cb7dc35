using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Ride.Engines;
using Ride.FrontDoor;

namespace Ride.Cmdlets;

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
            return Words(wordToComplete, new[] { RideCommandLine.Track, RideCommandLine.HelpWord });
        }

        if (!words[0].Equals(RideCommandLine.Track, StringComparison.OrdinalIgnoreCase))
        {
            return Array.Empty<CompletionResult>();
        }

        if (words.Count == 1)
        {
            return RideVerbs.All
                .Where(v => v.Name.StartsWith(wordToComplete, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v.Name, v.Name, CompletionResultType.ParameterValue, $"{v.Summary} ({v.Command})"));
        }

        if (words[^1].Equals("--engine", StringComparison.OrdinalIgnoreCase))
        {
            return Words(wordToComplete, Engines);
        }

        if (words[^1].Equals("--node", StringComparison.OrdinalIgnoreCase))
        {
            return new NodeNameCompleter().CompleteArgument(commandName, parameterName, wordToComplete, commandAst, fakeBoundParameters);
        }

        // An empty answer lets PowerShell fall back to file names, which is what `submit` wants.
        return words[1].ToLowerInvariant() switch
        {
            "start" or "list" => new ScenarioIdCompleter().CompleteArgument(commandName, parameterName, wordToComplete, commandAst, fakeBoundParameters),
            "status" => new SessionIdCompleter().CompleteArgument(commandName, parameterName, wordToComplete, commandAst, fakeBoundParameters),
            "activity" => new ApplicationNameCompleter().CompleteArgument(commandName, parameterName, wordToComplete, commandAst, fakeBoundParameters),
            "action" => new ActionNameCompleter().CompleteArgument(commandName, parameterName, wordToComplete, commandAst, fakeBoundParameters),
            _ => Array.Empty<CompletionResult>(),
        };
    }

    private static IEnumerable<CompletionResult> Words(string prefix, IEnumerable<string> words) =>
        words.Where(w => w.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(w => new CompletionResult(w, w, CompletionResultType.ParameterValue, w));
}
