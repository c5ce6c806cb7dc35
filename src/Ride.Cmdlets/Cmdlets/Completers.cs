using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Ride.Scenarios;
using Ride.Sessions;

namespace Ride.Cmdlets;

/// <summary>Tab completion of scenario ids (full and short).</summary>
public sealed class ScenarioIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        IReadOnlyList<RideScenario> scenarios;
        try
        {
            scenarios = ScenarioCatalog.LoadAll();
        }
        catch (Common.RideException)
        {
            yield break;
        }

        var prefix = wordToComplete.Trim('\'', '"');
        foreach (var s in scenarios.Where(s => s.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                                              || s.ShortId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            yield return new CompletionResult(s.Id, s.Id, CompletionResultType.ParameterValue, $"{s.Title} ({s.Topic}, {s.Level})");
        }
    }
}

/// <summary>Tab completion of live session ids.</summary>
public sealed class SessionIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = wordToComplete.Trim('\'', '"');
        return SessionStore.LoadAll()
            .Where(s => s.SessionId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(s => new CompletionResult(s.SessionId, s.SessionId, CompletionResultType.ParameterValue, $"{s.ScenarioId} ({s.Engine})"));
    }
}

/// <summary>Tab completion of the application names the live session's actors use.</summary>
public sealed class ApplicationNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = wordToComplete.Trim('\'', '"');
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var session in SessionStore.LoadAll())
        {
            try
            {
                foreach (var actor in ScenarioCatalog.Load(session.ScenarioPath).Definition.Actors)
                {
                    names.Add(actor.ApplicationName);
                }
            }
            catch (Common.RideException)
            {
            }
        }

        return names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n));
    }
}
