using System.Text.RegularExpressions;

namespace Ride.Scenarios;

/// <summary>A scenario from the catalog, as Get-RideScenario returns it.</summary>
public sealed class RideScenario
{
    internal RideScenario(ScenarioDefinition definition, string directory)
    {
        Definition = definition;
        Path = directory;
        Id = definition.Id;
        ShortId = ScenarioIds.ShortId(definition.Id);
        Aliases = definition.Aliases.ToArray();
        Title = definition.Title;
        Topic = definition.Topic;
        Level = definition.Level;
        Duration = definition.Duration;
        Briefing = definition.Briefing.Trim();
        Databases = definition.AllDatabases.ToArray();
        Actors = definition.Actors.Select(a => a.ApplicationName).ToArray();
        HintCount = definition.Hints.Count;
        MaxScore = definition.Checks.Detect.Concat(definition.Checks.Fix).Concat(definition.Checks.Trap).Sum(c => c.Points);
    }

    /// <summary>Full id, e.g. stage-09/05-backward-incompatible-migration.</summary>
    public string Id { get; }

    /// <summary>Short id, e.g. stage-09/05.</summary>
    public string ShortId { get; }

    /// <summary>Other full ids that name this drill (Start-RideScenario and the front door accept them).</summary>
    public string[] Aliases { get; }

    internal bool Answers(string id) =>
        string.Equals(Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals(ShortId, id, StringComparison.OrdinalIgnoreCase)
        || Aliases.Contains(id, StringComparer.OrdinalIgnoreCase);

    public string Title { get; }

    public string Topic { get; }

    public string Level { get; }

    public string Duration { get; }

    public string Briefing { get; }

    public string[] Databases { get; }

    public string[] Actors { get; }

    public int HintCount { get; }

    public int MaxScore { get; }

    /// <summary>The scenario folder.</summary>
    public string Path { get; }

    internal ScenarioDefinition Definition { get; }

    internal string FilePath(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relative));

    public override string ToString() => Id;
}

public static partial class ScenarioIds
{
    public const string DefaultDatabase = "incident";

    [GeneratedRegex(@"^stage-\d{2}/\d{2}-[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    /// <summary>stage-NN/MM-slug: two-digit stage and number, then a lower-case slug of letters, digits and single dashes.</summary>
    public static bool IsValid(string id) => IdPattern().IsMatch(id);

    /// <summary>stage-09/05-backward-incompatible-migration → stage-09/05.</summary>
    public static string ShortId(string id)
    {
        var slash = id.IndexOf('/');
        if (slash < 0)
        {
            return id;
        }

        var dash = id.IndexOf('-', slash);
        return dash < 0 ? id : id[..dash];
    }
}
