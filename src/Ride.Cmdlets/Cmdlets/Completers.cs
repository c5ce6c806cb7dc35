using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using Ride.Scenarios;

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
            scenarios = RideContext.FromEnvironment().Catalog.LoadAll();
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
        return RideContext.FromEnvironment().Sessions.LoadAll()
            .Where(s => s.SessionId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(s => new CompletionResult(s.SessionId, s.SessionId, CompletionResultType.ParameterValue, $"{s.ScenarioId} ({s.Engine})"));
    }
}

/// <summary>Tab completion of the application names the live sessions' actors use.</summary>
public sealed class ApplicationNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = wordToComplete.Trim('\'', '"');
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var session in RideContext.FromEnvironment().Sessions.LoadAll())
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

/// <summary>Tab completion of the node names of the live sessions.</summary>
public sealed class NodeNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = wordToComplete.Trim('\'', '"');
        return RideContext.FromEnvironment().Sessions.LoadAll()
            .SelectMany(s => s.Nodes.Select(n => (n.Name, n.Role)))
            .DistinctBy(n => n.Name)
            .Where(n => n.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(n => new CompletionResult(n.Name, n.Name, CompletionResultType.ParameterValue, $"{n.Name} ({n.Role})"));
    }
}

/// <summary>Tab completion of the actions the drill of the session allows (of every live session when none is named).</summary>
public sealed class ActionNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = wordToComplete.Trim('\'', '"');
        var named = fakeBoundParameters["Session"]?.ToString() ?? fakeBoundParameters["SessionId"]?.ToString();
        var actions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var session in RideContext.FromEnvironment().Sessions.LoadAll().Where(s => named is null || s.SessionId == named))
        {
            try
            {
                actions.UnionWith(ScenarioCatalog.Load(session.ScenarioPath).Definition.Actions);
            }
            catch (Common.RideException)
            {
            }
        }

        return actions.Where(a => a.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(a => new CompletionResult(a, a, CompletionResultType.ParameterValue, Actions.SafeActions.All.TryGetValue(a, out var what) ? what : a));
    }
}
