using System.Text.Json;
using System.Text.RegularExpressions;
using Ride.Scenarios;
using Ride.Workload;

namespace Ride.Sessions;

/// <summary>
/// The session as it was when the incident went live: what the catalog-wide traps compare against, and the cost of
/// the statements that Fix checks judge by outcome. It is kept in the session folder, outside the sandbox, so no fix
/// can change it.
/// </summary>
public sealed class SessionBaseline
{
    public const string FileName = "baseline.json";

    public ClusterState State { get; set; } = new();

    /// <summary>The node the state was read on: the primary when the incident went live.</summary>
    public string Node { get; set; } = "";

    /// <summary>The planner cost of the actors' statements that Fix checks judge by outcome ("actor#statement" → cost).</summary>
    public Dictionary<string, double> Costs { get; set; } = new();

    public static string CostKey(string actor, int statement) => actor + "#" + statement.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static SessionBaseline? Load(string sessionDirectory)
    {
        var path = Path.Combine(sessionDirectory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<SessionBaseline>(File.ReadAllText(path)) : null;
    }

    public void Save(string sessionDirectory) =>
        File.WriteAllText(Path.Combine(sessionDirectory, FileName), JsonSerializer.Serialize(this));

    /// <summary>
    /// The tables the applications use: those of the baseline whose names appear in the statements of an actor of
    /// the same database.
    /// </summary>
    public static IReadOnlySet<(string Database, string Table)> HotTables(ScenarioDefinition definition, ClusterState state)
    {
        var words = definition.Actors
            .GroupBy(a => a.Database)
            .ToDictionary(g => g.Key, g => UsedNames(g));
        return state.Relations
            .Where(r => r.IsTable && words.TryGetValue(r.Database, out var used) && used.Contains(r.Name))
            .Select(r => (r.Database, r.Name))
            .ToHashSet();
    }

    private static HashSet<string> UsedNames(IEnumerable<ActorDefinition> actors) =>
        actors.SelectMany(a => a.Sql)
            .SelectMany(sql => Regex.Matches(sql, "[A-Za-z_][A-Za-z0-9_$]*").Select(m => m.Value.ToLowerInvariant()))
            .ToHashSet(StringComparer.Ordinal);
}
