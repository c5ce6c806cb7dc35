using System.Text.RegularExpressions;
using Ride.Workload;

namespace Ride.Scenarios;

public sealed record ScenarioProblem(string Field, string Message);

/// <summary>Checks what YAML typing cannot: required fields, references between sections, files that must exist.</summary>
public static partial class ScenarioValidator
{
    [GeneratedRegex(@"^[a-z_][a-z0-9_]*$")]
    private static partial Regex NamePattern();

    public static IReadOnlyList<ScenarioProblem> Validate(ScenarioDefinition d, string directory)
    {
        var problems = new List<ScenarioProblem>();
        void Need(bool ok, string field, string message)
        {
            if (!ok)
            {
                problems.Add(new ScenarioProblem(field, message));
            }
        }

        void NeedNode(string node, string field) =>
            Need(node.Length == 0 || d.NodeNames.Contains(node), field, $"'{node}' is not a node of this scenario ({string.Join(", ", d.NodeNames)}).");

        // Ride's own SQL (liveWhen, a check's query) runs as Ride's superuser, which logs in to database nodes only.
        void NeedDatabaseNode(string node, string field) =>
            Need(!d.Topology.Any(n => n.Name == node && n.Role == NodeRoles.Pooler), field,
                $"'{node}' is a pooler: Ride's own queries run on database nodes (name the node it fronts; actors and workload replays may go through the pooler).");

        Need(ScenarioIds.IsValid(d.Id), "id", $"'{d.Id}' is not of the form stage-NN/MM-slug (lower case, digits and dashes).");
        for (var i = 0; i < d.Aliases.Count; i++)
        {
            var alias = d.Aliases[i];
            Need(ScenarioIds.IsValid(alias), $"aliases[{i}]", $"'{alias}' is not of the form stage-NN/MM-slug (lower case, digits and dashes).");
            Need(ScenarioIds.ShortId(alias) == ScenarioIds.ShortId(d.Id), $"aliases[{i}]",
                $"'{alias}' names another drill: an alias keeps the id's stage and number ({ScenarioIds.ShortId(d.Id)}) and changes only the slug.");
            Need(alias != d.Id && d.Aliases.IndexOf(alias) == i, $"aliases[{i}]", $"'{alias}' is the id itself or listed twice.");
        }

        Need(!string.IsNullOrWhiteSpace(d.Title), "title", "is required.");
        Need(!string.IsNullOrWhiteSpace(d.Topic), "topic", "is required.");
        Need(!string.IsNullOrWhiteSpace(d.Level), "level", "is required.");
        Need(!string.IsNullOrWhiteSpace(d.Briefing), "briefing", "is required: the symptoms the operator is told about.");
        Need(NamePattern().IsMatch(d.OperatorRole), "operatorRole", $"'{d.OperatorRole}' is not a plain lower-case role name.");

        foreach (var name in d.Settings.Keys)
        {
            Need(NamePattern().IsMatch(name.Replace(".", "_", StringComparison.Ordinal)), "settings", $"'{name}' is not a server setting name.");
            Need(name is not ("listen_addresses" or "port" or "unix_socket_directories" or "shared_preload_libraries"), "settings",
                $"'{name}' is managed by Ride and cannot be changed by a scenario.");
        }

        Need(d.ArchiveSizeMb is 0 or (>= 16 and <= 1024), "archiveSizeMb", $"{d.ArchiveSizeMb} is outside 16 to 1024 (megabytes), or 0 for no archive directory.");
        if (d.TransactionAge is { } aged)
        {
            ValidateTransactionAge(d, aged, Need);
        }

        ValidateTopology(d, Need);
        var actions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < d.Actions.Count; i++)
        {
            Need(Actions.SafeActions.All.ContainsKey(d.Actions[i]), $"actions[{i}]",
                $"'{d.Actions[i]}' is not a safe action. Known actions: {string.Join(", ", Actions.SafeActions.All.Keys)}.");
            Need(actions.Add(d.Actions[i]), $"actions[{i}]", $"'{d.Actions[i]}' is listed twice.");
        }

        for (var i = 0; i < d.Databases.Count; i++)
        {
            Need(NamePattern().IsMatch(d.Databases[i]), $"databases[{i}]", $"'{d.Databases[i]}' is not a plain lower-case database name.");
            Need(!d.Databases[i].StartsWith("ride", StringComparison.Ordinal) && d.Databases[i] != ScenarioIds.DefaultDatabase,
                $"databases[{i}]", $"'{d.Databases[i]}' is reserved.");
        }

        var roles = new HashSet<string>(StringComparer.Ordinal) { d.OperatorRole, "ride_system" };
        for (var i = 0; i < d.Roles.Count; i++)
        {
            Need(NamePattern().IsMatch(d.Roles[i].Name), $"roles[{i}].name", $"'{d.Roles[i].Name}' is not a plain lower-case role name.");
            Need(roles.Add(d.Roles[i].Name), $"roles[{i}].name", $"'{d.Roles[i].Name}' is declared twice or is reserved.");
        }

        var databases = new HashSet<string>(d.Databases, StringComparer.Ordinal) { ScenarioIds.DefaultDatabase, "ride" };
        for (var i = 0; i < d.Setup.Count; i++)
        {
            Need(File.Exists(Path.Combine(directory, d.Setup[i])), $"setup[{i}]", $"file '{d.Setup[i]}' does not exist in the scenario folder.");
        }

        Need(File.Exists(Path.Combine(directory, d.Incident)), "incident", $"file '{d.Incident}' does not exist in the scenario folder.");
        Need(File.Exists(Path.Combine(directory, d.Postmortem)), "postmortem", $"file '{d.Postmortem}' does not exist in the scenario folder.");
        Need(File.Exists(Path.Combine(directory, d.Solution)), "solution", $"file '{d.Solution}' does not exist in the scenario folder.");
        Need(d.Hints.Count > 0, "hints", "at least one hint is required.");

        var actorNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < d.Actors.Count; i++)
        {
            var a = d.Actors[i];
            var at = $"actors[{i}]";
            Need(NamePattern().IsMatch(a.Name), at + ".name", $"'{a.Name}' is not a plain lower-case name.");
            Need(actorNames.Add(a.Name), at + ".name", $"actor '{a.Name}' is declared twice.");
            Need(!string.IsNullOrWhiteSpace(a.ApplicationName), at + ".applicationName", "is required.");
            Need(databases.Contains(a.Database), at + ".database", $"'{a.Database}' is not one of the scenario's databases ({string.Join(", ", databases)}).");
            Need(roles.Contains(a.Role) && a.Role != "ride_system", at + ".role", $"'{a.Role}' is not a declared role.");
            Need(a.Connections is >= 1 and <= 50, at + ".connections", "must be between 1 and 50.");
            Need(ActorModes.All.Contains(a.Mode), at + ".mode", $"'{a.Mode}' is not one of: {string.Join(", ", ActorModes.All)}.");
            Need(a.IntervalMs is >= 10 and <= 600_000, at + ".intervalMs", "must be between 10 and 600000.");
            Need(a.Sql.Count > 0 && a.Sql.All(s => !string.IsNullOrWhiteSpace(s)), at + ".sql", "needs at least one statement.");
            Need(!a.ConnectPerRequest || a.Mode == ActorModes.Loop, at + ".connectPerRequest", "only applies to mode loop.");
            NeedNode(a.Node, at + ".node");
        }

        var live = d.LiveWhen;
        Need(live is not null, "liveWhen", "is required: the condition (sql, and the actors that must be running) under which the incident counts as live.");
        if (live is not null)
        {
            Need(!string.IsNullOrWhiteSpace(live.Sql), "liveWhen.sql", "is required: a query whose first column is true once the incident is live.");
            Need(live.Database.Length == 0 || databases.Contains(live.Database), "liveWhen.database", $"'{live.Database}' is not one of the scenario's databases.");
            NeedNode(live.Node, "liveWhen.node");
            NeedDatabaseNode(live.Node, "liveWhen.node");
            Need(live.TimeoutSec is >= 1 and <= 300, "liveWhen.timeoutSec", "must be between 1 and 300.");
            foreach (var actor in live.Actors ?? new List<string>())
            {
                Need(d.Actors.Any(a => a.Name == actor && a.Mode == ActorModes.Loop), "liveWhen.actors",
                    $"'{actor}' is not a loop actor of this scenario (only loop actors make requests to wait for).");
            }
        }

        var checkNames = new HashSet<string>(StringComparer.Ordinal);
        void ValidateChecks(List<CheckDefinition> checks, string section)
        {
            for (var i = 0; i < checks.Count; i++)
            {
                var c = checks[i];
                var at = $"checks.{section}[{i}]";
                Need(NamePattern().IsMatch(c.Name.Replace('-', '_')), at + ".name", $"'{c.Name}' is not a lower-case name.");
                Need(checkNames.Add(c.Name), at + ".name", $"check '{c.Name}' is declared twice.");
                Need(!Scoring.CatalogTraps.Ids.Contains(c.Name) && c.Name != Scoring.ScoreCard.TamperingCheck, at + ".name",
                    $"'{c.Name}' is the name of a check Ride adds to every drill.");
                Need(!string.IsNullOrWhiteSpace(c.Description), at + ".description", "is required.");
                Need(c.Points > 0, at + ".points", "must be a positive number.");
                Need(!string.IsNullOrWhiteSpace(c.Sql) || c.Workload.Count > 0 || c.Commands.Count > 0 || c.Looked is not null || c.Faster is not null
                     || c.Did is not null || c.Action is not null, at, "needs sql, workload, commands, looked, faster, did or action.");
                // looked, did and action each decide a check alone; anything beside them would be silently ignored.
                var statementForms = new[] { (c.Looked is not null, "looked"), (c.Did is not null, "did"), (c.Action is not null, "action") }.Where(f => f.Item1).ToList();
                var otherForms = !string.IsNullOrWhiteSpace(c.Sql) || c.Workload.Count > 0 || c.Faster is not null || (c.Commands.Count > 0 && c.Looked is null);
                Need(statementForms.Count <= 1 && (statementForms.Count == 0 || !otherForms), at,
                    statementForms.Count > 1
                        ? $"{string.Join(" and ", statementForms.Select(f => f.Item2))} cannot be combined in one check: give each a check of its own."
                        : $"{statementForms.FirstOrDefault().Item2} decides a check on its own (only looked takes commands beside it): put sql, workload or faster in a check of their own.");
                if (c.Action is { } action)
                {
                    foreach (var (name, field) in new[] { (action.Ran, "ran"), (action.After, "after") }.Where(a => a.Item2 == "ran" || a.Item1.Length > 0))
                    {
                        Need(d.Actions.Contains(name, StringComparer.Ordinal), $"{at}.action.{field}",
                            $"'{name}' is not one of the actions this scenario allows ({string.Join(", ", d.Actions)}).");
                    }

                    NeedNode(action.Node, at + ".action.node");
                }

                Need(c.Looked is null || section == "detect", at + ".looked", "is for Detect checks (a trap on a statement uses did).");
                Need(c.Did is null || section == "trap", at + ".did", "is for Trap checks (a look the operator should make uses looked).");
                if (c.Did is { } did)
                {
                    Need(did.Any.Count > 0, at + ".did.any", "needs at least one pattern of the move.");
                    foreach (var pattern in did.Any)
                    {
                        Need(IsRegex(pattern), at + ".did", $"'{pattern}' is not a regular expression.");
                    }

                    Need(did.Database.Length == 0 || databases.Contains(did.Database), at + ".did.database",
                        $"'{did.Database}' is not one of the scenario's databases.");
                }

                if (c.Looked is { } look)
                {
                    Need(look.Any.Count > 0, at + ".looked.any", "needs at least one pattern of what the operator should have looked at.");
                    foreach (var pattern in look.Any.Concat(look.Before))
                    {
                        Need(IsRegex(pattern), at + ".looked", $"'{pattern}' is not a regular expression.");
                    }

                    Need(look.Database.Length == 0 || databases.Contains(look.Database), at + ".looked.database",
                        $"'{look.Database}' is not one of the scenario's databases.");
                }

                if (c.Faster is { } faster)
                {
                    var actor = d.Actors.FirstOrDefault(a => a.Name == faster.Actor);
                    Need(actor is not null, at + ".faster.actor", $"'{faster.Actor}' is not an actor of this scenario.");
                    Need(actor is null || (faster.Statement >= 1 && faster.Statement <= actor.Sql.Count), at + ".faster.statement",
                        $"must be between 1 and the number of statements of actor '{faster.Actor}'.");
                    Need(faster.AtMost is > 0 and < 1, at + ".faster.atMost", "must be a fraction between 0 and 1 (0.5: at least twice as cheap).");
                }
                Need(c.Database.Length == 0 || databases.Contains(c.Database), at + ".database", $"'{c.Database}' is not one of the scenario's databases.");
                Need(c.Role.Length == 0 || roles.Contains(c.Role), at + ".role", $"'{c.Role}' is not a declared role.");
                NeedNode(c.Node, at + ".node");
                if (!string.IsNullOrWhiteSpace(c.Sql))
                {
                    NeedDatabaseNode(c.Node, at + ".node");
                }
                foreach (var w in c.Workload)
                {
                    Need(d.Actors.Any(a => a.Name == w), at + ".workload", $"'{w}' is not an actor of this scenario.");
                }
            }
        }

        ValidateChecks(d.Checks.Detect, "detect");
        ValidateChecks(d.Checks.Fix, "fix");
        ValidateChecks(d.Checks.Trap, "trap");
        Need(d.Checks.Detect.Count > 0 && d.Checks.Fix.Count > 0 && d.Checks.Trap.Count > 0, "checks",
            "detect, fix and trap each need at least one check.");

        foreach (var exempt in d.CatalogTraps.Exempt)
        {
            Need(Scoring.CatalogTraps.Ids.Contains(exempt), "catalogTraps.exempt",
                $"'{exempt}' is not a catalog trap ({string.Join(", ", Scoring.CatalogTraps.Ids)}).");
        }

        foreach (var culprit in d.CatalogTraps.Culprits)
        {
            Need(d.Actors.Any(a => a.Name == culprit), "catalogTraps.culprits", $"'{culprit}' is not an actor of this scenario.");
        }

        foreach (var database in d.CatalogTraps.FixDatabases)
        {
            Need(databases.Contains(database), "catalogTraps.fixDatabases", $"'{database}' is not one of the scenario's databases.");
        }

        var gradedDirectory = Path.Combine(directory, "graded");
        if (Directory.Exists(gradedDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(gradedDirectory, "*.sql"))
            {
                Need(GradedFix.Expected(File.ReadLines(file).FirstOrDefault() ?? "") is not null, "graded",
                    $"graded/{Path.GetFileName(file)} must start with its grade, e.g. '-- grade: detect 20, fix 40, trap 20'.");
            }
        }

        var trapDirectory = Path.Combine(directory, "traps");
        if (Directory.Exists(trapDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(trapDirectory, "*.sql"))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                Need(d.Checks.Trap.Any(t => t.Name == name), "checks.trap", $"traps/{name}.sql has no trap check named '{name}'.");
            }
        }

        return problems;
    }

    /// <summary>
    /// An aged database must stay aged: anti-wraparound autovacuum starts on its own (even with autovacuum off) once a
    /// database is older than autovacuum_freeze_max_age, so the drill must raise that setting above the age.
    /// </summary>
    private static void ValidateTransactionAge(ScenarioDefinition d, TransactionAgeDefinition aged, Action<bool, string, string> need)
    {
        need(aged.Age is >= TransactionAgeLimits.Minimum and <= TransactionAgeLimits.Maximum, "transactionAge.age",
            $"{aged.Age} is outside {TransactionAgeLimits.Minimum} to {TransactionAgeLimits.Maximum} transactions.");
        need(aged.Databases.Count > 0, "transactionAge.databases", "names no database: list the scenario databases that keep the age.");
        var known = d.AllDatabases.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < aged.Databases.Count; i++)
        {
            need(known.Contains(aged.Databases[i]), $"transactionAge.databases[{i}]",
                $"'{aged.Databases[i]}' is not one of the scenario's databases ({string.Join(", ", known)}).");
        }

        var limit = d.Settings.TryGetValue("autovacuum_freeze_max_age", out var text) ? text : null;
        var freezeMaxAge = limit is null ? TransactionAgeLimits.DefaultFreezeMaxAge
            : long.TryParse(limit, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        need(freezeMaxAge > aged.Age + TransactionAgeLimits.Rounding, "transactionAge.age",
            $"{aged.Age} is not below autovacuum_freeze_max_age ({limit ?? "200000000 by default"}) by {TransactionAgeLimits.Rounding} or more: "
            + "anti-wraparound autovacuum would freeze the databases within seconds of the start. Raise settings.autovacuum_freeze_max_age above the age.");
    }

    /// <summary>
    /// One primary; every replica streams from a server node of the topology, every chain of replicas ends at the primary.
    /// PgBouncer poolers are part of the format to come and refused for now, with that as the reason.
    /// </summary>
    private static void ValidateTopology(ScenarioDefinition d, Action<bool, string, string> need)
    {
        var byName = new Dictionary<string, NodeDefinition>(StringComparer.Ordinal);
        string? primary = null;
        for (var i = 0; i < d.Topology.Count; i++)
        {
            var node = d.Topology[i];
            var at = $"topology[{i}]";
            need(NamePattern().IsMatch(node.Name), at + ".name", $"'{node.Name}' is not a plain lower-case node name.");
            need(byName.TryAdd(node.Name, node), at + ".name", $"node '{node.Name}' is declared twice.");
            need(NodeRoles.All.Contains(node.Role), at + ".role", $"'{node.Role}' is not a node role ({string.Join(", ", NodeRoles.All)}).");
            if (node.Role == NodeRoles.Pooler)
            {
                foreach (var (name, value) in node.Settings)
                {
                    need(Engines.PgBouncer.ScenarioSettings.Contains(name), $"{at}.settings.{name}",
                        $"'{name}' is not a pool setting a scenario can give PgBouncer ({string.Join(", ", Engines.PgBouncer.ScenarioSettings.Order(StringComparer.Ordinal))}).");
                    need(Engines.PgBouncer.IsPlainValue(value), $"{at}.settings.{name}", $"'{value}' is not a plain one-line value (no ';', '#', brackets or line breaks).");
                }
            }
            else
            {
                need(node.Settings.Count == 0, at + ".settings", "only a pooler node takes settings here (server settings go in the scenario's settings).");
            }

            if (node.Role == NodeRoles.Primary)
            {
                need(primary is null, at + ".role", $"'{node.Name}' is a second primary (the first is '{primary}'): a session has one primary, the others are replicas.");
                primary ??= node.Name;
                need(node.Of.Length == 0, at + ".of", "a primary streams from nobody.");
            }

            need(!node.Slot || node.Role == NodeRoles.Replica, at + ".slot", "only a replica streams through a slot.");
        }

        need(d.Topology.Count == 0 || primary is not null, "topology", "needs a node with role primary.");
        for (var i = 0; i < d.Topology.Count; i++)
        {
            var node = d.Topology[i];
            if (node.Role == NodeRoles.Pooler)
            {
                need(byName.TryGetValue(node.Of, out var fronted) && fronted.Role is NodeRoles.Primary or NodeRoles.Replica, $"topology[{i}].of",
                    node.Of.Length == 0 ? "a pooler names the database node it fronts."
                    : fronted is null ? $"'{node.Of}' is not a node of this scenario ({string.Join(", ", byName.Keys)})."
                    : $"'{node.Of}' is a {fronted.Role}: a pooler fronts a primary or a replica.");
                continue;
            }

            if (node.Role != NodeRoles.Replica)
            {
                continue;
            }

            var at = $"topology[{i}].of";
            if (!byName.TryGetValue(node.Of, out var upstream))
            {
                need(false, at, node.Of.Length == 0
                    ? "a replica names the node it streams from."
                    : $"'{node.Of}' is not a node of this scenario ({string.Join(", ", byName.Keys)}).");
                continue;
            }

            need(upstream.Role is NodeRoles.Primary or NodeRoles.Replica, at, $"'{node.Of}' is a {upstream.Role}: a replica streams from a primary or a replica.");
            var seen = new HashSet<string>(StringComparer.Ordinal) { node.Name };
            var current = upstream;
            while (current.Role == NodeRoles.Replica && byName.TryGetValue(current.Of, out var next) && seen.Add(current.Name))
            {
                current = next;
            }

            need(current.Role != NodeRoles.Replica || !byName.ContainsKey(current.Of), at, $"the replicas from '{node.Name}' upstream stream from each other in a circle: one of them must stream from the primary.");
        }
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
