using Ride.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Ride.Scenarios;

public sealed record CatalogListing(IReadOnlyList<RideScenario> Scenarios, IReadOnlyList<RideException> Problems);

/// <summary>Finds, parses and validates scenario folders: RIDE_SCENARIO_PATH plus the module's own scenarios/.</summary>
public sealed class ScenarioCatalog
{
    public const string FileName = "scenario.yml";

    private readonly RideOptions _options;

    public ScenarioCatalog(RideOptions options) => _options = options;

    /// <summary>RIDE_SCENARIO_PATH first, so an author's copy of a scenario wins over the one shipped with the module.</summary>
    public IReadOnlyList<string> SearchRoots() =>
        _options.ScenarioPaths.Append(Path.Combine(RidePaths.ModuleDirectory, "scenarios")).ToList();

    /// <summary>Every valid scenario in the search roots, and one error per scenario folder that does not load.</summary>
    public CatalogListing Scan()
    {
        var byId = new Dictionary<string, RideScenario>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<RideException>();
        foreach (var root in SearchRoots())
        {
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(root, FileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                try
                {
                    var scenario = Load(Path.GetDirectoryName(file)!);
                    byId.TryAdd(scenario.Id, scenario);
                }
                catch (RideException ex)
                {
                    problems.Add(ex);
                }
            }
        }

        return new CatalogListing(byId.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList(), problems);
    }

    public IReadOnlyList<RideScenario> LoadAll() => Scan().Scenarios;

    /// <summary>Resolves a full id, a short id or a wildcard to scenarios; an unknown id is an error naming the closest ids.</summary>
    public IReadOnlyList<RideScenario> Find(string? id) => Find(Scan(), id);

    public IReadOnlyList<RideScenario> Find(CatalogListing listing, string? id)
    {
        var all = listing.Scenarios;
        if (string.IsNullOrWhiteSpace(id))
        {
            return all;
        }

        if (Wildcard.HasWildcards(id))
        {
            var pattern = new Wildcard(id);
            return all.Where(s => pattern.IsMatch(s.Id) || pattern.IsMatch(s.ShortId) || s.Aliases.Any(pattern.IsMatch)).ToList();
        }

        var exact = all.Where(s => s.Answers(id)).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        // The scenario may exist but not load: then its own error is the useful one.
        var folder = id.Replace('\\', '/');
        var broken = listing.Problems.FirstOrDefault(p => p.Target is string file
            && file.Replace('\\', '/').Contains("/" + ScenarioIds.ShortId(folder) + "-", StringComparison.OrdinalIgnoreCase));
        if (broken is not null)
        {
            throw broken;
        }

        var closest = all
            .Select(s => (s.Id, Distance: Math.Min(Levenshtein(id, s.Id), Levenshtein(id, s.ShortId))))
            .OrderBy(t => t.Distance)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .Take(3)
            .Select(t => t.Id)
            .ToList();
        var suggestion = closest.Count == 0
            ? "No scenarios were found in: " + string.Join(", ", SearchRoots()) + "."
            : "Closest: " + string.Join(", ", closest) + ". Run Get-RideScenario to list them all.";
        throw new RideException("ScenarioNotFound", RideErrorCategory.ObjectNotFound, $"No scenario has the id '{id}'. {suggestion}", id);
    }

    public RideScenario FindOne(string id)
    {
        var found = Find(id);
        return found.Count switch
        {
            1 => found[0],
            0 => throw new RideException("ScenarioNotFound", RideErrorCategory.ObjectNotFound,
                $"No scenario matches '{id}'. Run Get-RideScenario to list them.", id),
            _ => throw new RideException("ScenarioAmbiguous", RideErrorCategory.InvalidArgument,
                $"'{id}' matches {found.Count} scenarios: {string.Join(", ", found.Select(s => s.Id))}. Give one id.", id),
        };
    }

    public static RideScenario Load(string directory)
    {
        var file = Path.Combine(directory, FileName);
        if (!File.Exists(file))
        {
            throw new RideException("ScenarioFileNotFound", RideErrorCategory.ObjectNotFound, $"'{directory}' has no {FileName}.", directory);
        }

        var text = File.ReadAllText(file);
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        ScenarioDefinition definition;
        try
        {
            definition = deserializer.Deserialize<ScenarioDefinition>(text) ?? new ScenarioDefinition();
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException?.Message ?? ex.Message).Split('\n')[0];
            throw Invalid(file, (int)ex.Start.Line, FieldAt(text, ex.Start), reason, ex);
        }

        var problems = ScenarioValidator.Validate(definition, directory);
        if (problems.Count > 0)
        {
            var first = problems[0];
            var line = LineOf(text, first.Field);
            var more = problems.Count > 1 ? $" ({problems.Count - 1} more problem(s) after this one)" : "";
            throw Invalid(file, line, first.Field, first.Message + more, null);
        }

        return new RideScenario(definition, Path.GetFullPath(directory));
    }

    private static RideException Invalid(string file, int line, string field, string message, Exception? inner) =>
        new("ScenarioInvalid", RideErrorCategory.InvalidData,
            $"{file}:{line}: field '{field}': {message}", file, inner);

    private static string FieldAt(string text, Mark mark)
    {
        var lines = text.Split('\n');
        if (mark.Line < 1 || mark.Line > lines.Length)
        {
            return "(document)";
        }

        var content = lines[mark.Line - 1];
        var colon = content.IndexOf(':');
        var key = (colon > 0 ? content[..colon] : content).Trim().TrimStart('-').Trim();
        return key.Length == 0 ? "(document)" : key;
    }

    /// <summary>Line of a dotted field path such as checks.fix[1].points, found through the YAML node tree.</summary>
    internal static int LineOf(string text, string fieldPath)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
            {
                return 1;
            }

            YamlNode node = stream.Documents[0].RootNode;
            var line = (int)node.Start.Line;
            foreach (var part in fieldPath.Split('.'))
            {
                var name = part;
                int? index = null;
                var bracket = part.IndexOf('[');
                if (bracket > 0)
                {
                    name = part[..bracket];
                    index = int.Parse(part[(bracket + 1)..part.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture);
                }

                if (node is not YamlMappingNode map)
                {
                    break;
                }

                var entry = map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode k && k.Value == name);
                if (entry.Key is null)
                {
                    break;
                }

                line = (int)entry.Key.Start.Line;
                node = entry.Value;
                if (index is { } i && node is YamlSequenceNode seq && i < seq.Children.Count)
                {
                    node = seq.Children[i];
                    line = (int)node.Start.Line;
                }
            }

            return line;
        }
        catch (YamlException)
        {
            return 1;
        }
    }

    private static int Levenshtein(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
