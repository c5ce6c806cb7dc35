using System.Text.RegularExpressions;
using Ride.Scenarios;
using Ride.Sessions;

namespace Ride.Scoring;

/// <summary>
/// The dangerous moves every drill watches for, whatever it teaches: an exclusive lock or a rewrite of a table the
/// applications use, an index built without CONCURRENTLY on one, a global limit raised, an innocent session ended,
/// something others depend on dropped, superuser handed out, a role the healthy applications share reconfigured, a
/// change in the wrong database. Each one sprung costs <see cref="Penalty"/> Trap points (never below zero) and names
/// the statement and the object. A drill exempts the ones its own traps cover or whose move is part of its fix.
/// </summary>
public static partial class CatalogTraps
{
    public const int Penalty = 5;

    public const string HotTableLocked = "hot-table-locked";
    public const string BlockingIndexBuild = "blocking-index-build";
    public const string GlobalSettingRaised = "global-setting-raised";
    public const string InnocentSessionTerminated = "innocent-session-terminated";
    public const string DependencyDropped = "dependency-dropped";
    public const string SuperuserGranted = "superuser-granted";
    public const string SharedRoleChanged = "shared-role-changed";
    public const string WrongDatabase = "wrong-database";

    public static readonly IReadOnlyList<string> Ids = new[]
    {
        HotTableLocked, BlockingIndexBuild, GlobalSettingRaised, InnocentSessionTerminated, DependencyDropped, SuperuserGranted, SharedRoleChanged,
        WrongDatabase,
    };

    [GeneratedRegex(@"^\s*lock\s+(table\s+)?(only\s+)?(?<name>[\w.""]+)", RegexOptions.IgnoreCase)]
    private static partial Regex LockTable();

    [GeneratedRegex(@"^\s*(create\s+(unique\s+)?index\s+(?!concurrently)(if\s+not\s+exists\s+)?[\w""]*\s*on\s+(only\s+)?(?<name>[\w.""]+)|reindex\s+(\(.*?\)\s*)?(table|index)\s+(?!concurrently)(?<name>[\w.""]+))",
        RegexOptions.IgnoreCase)]
    private static partial Regex BlockingIndex();

    [GeneratedRegex(@"^\s*(set|reset|show|begin|start|commit|end|rollback|savepoint|release|discard|prepare|deallocate|listen|unlisten|checkpoint)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex SessionControl();

    /// <summary>
    /// Statements whose effect is the cluster's, not the current database's: roles, databases, server settings,
    /// and a SELECT that only calls server functions (ending or signalling sessions). Where they are typed says
    /// nothing about which database they change.
    /// </summary>
    [GeneratedRegex(@"^\s*((alter|create|drop)\s+(role|user|group|database|tablespace)\b|alter\s+system\b|(grant|revoke)\s+(?!.*\bon\b)|reassign\b|select\b(?![\s\S]*\b(insert|update|delete|merge|into|nextval|setval)\b))",
        RegexOptions.IgnoreCase)]
    private static partial Regex ClusterWide();

    /// <summary>Judges the moves of a fix from the session as it was at the incident, as it is now, and the operator's statements.</summary>
    public static IReadOnlyList<RideCheck> Evaluate(ScenarioDefinition definition, SessionBaseline? baseline, ClusterState now,
        IReadOnlyList<OperatorStatement> statements, string node)
    {
        var settings = definition.CatalogTraps;
        var before = baseline?.State;
        var hot = before is null ? new HashSet<(string, string)>() : SessionBaseline.HotTables(definition, before);
        var checks = new List<RideCheck>();
        void Add(string id, string description, Func<(bool Passed, string Evidence)> evaluate)
        {
            if (settings.Exempt.Contains(id))
            {
                return;
            }

            (bool Passed, string Evidence) outcome = before is null && id is not (BlockingIndexBuild or WrongDatabase)
                ? (true, "no baseline was taken when this incident began")
                : evaluate();
            checks.Add(new RideCheck
            {
                Category = CheckCategory.Trap,
                Name = id,
                Description = description,
                MaxPoints = 0,
                Points = outcome.Passed ? 0 : -Penalty,
                Passed = outcome.Passed,
                Evidence = outcome.Evidence,
                Node = node,
            });
        }

        Add(HotTableLocked, "Did not take an exclusive lock on, or rewrite, a table the applications use (VACUUM FULL, CLUSTER, LOCK, a rewriting ALTER TABLE).",
            () => LockedOrRewritten(before!, hot, now, statements));
        Add(BlockingIndexBuild, "Built or rebuilt indexes on tables the applications use only CONCURRENTLY.",
            () => BlockingIndexBuilds(before, hot, statements));
        Add(GlobalSettingRaised, "Did not raise a server-wide limit (max_connections, work_mem, maintenance_work_mem, shared_buffers, temp_buffers) with ALTER SYSTEM.",
            () => GlobalSettings(before!, now, statements));
        // Backends are a server's own: after a promotion the primary's are not the ones counted when the incident began.
        Add(InnocentSessionTerminated, "Ended no application session that was not at fault.",
            () => baseline!.Node is { Length: > 0 } counted && counted != node
                ? (true, $"not judged: the sessions were counted on {counted}, and {node} is the primary now")
                : InnocentTerminations(definition, before!, now, statements));
        Add(DependencyDropped, "Dropped nothing the applications had when the incident began (tables, views, indexes, columns).",
            () => Dropped(before!, now, statements));
        Add(SuperuserGranted, "Gave no application role superuser, CREATEROLE or BYPASSRLS.",
            () => Powers(before!, now, statements));
        Add(SharedRoleChanged, "Changed no setting of a role the healthy applications use.",
            () => SharedRoles(definition, before!, now, statements));
        Add(WrongDatabase, "Changed nothing outside the databases the fix belongs in.",
            () => WrongDatabases(definition, statements));
        return checks;
    }

    private static (bool, string) LockedOrRewritten(ClusterState before, IReadOnlySet<(string, string)> hot, ClusterState now,
        IReadOnlyList<OperatorStatement> statements)
    {
        var findings = new List<string>();
        foreach (var table in before.Relations.Where(r => hot.Contains((r.Database, r.Name)) && now.Databases.Contains(r.Database)))
        {
            var current = now.Relations.FirstOrDefault(r => r.Database == table.Database && r.Schema == table.Schema && r.Name == table.Name);
            if (current is not null && current.FileNode != table.FileNode)
            {
                var cause = statements.FirstOrDefault(s => s.Database == table.Database && !s.IsRead && Mentions(s.Text, table.Name));
                findings.Add($"{table.Database}.{table.Name} was rewritten" + (cause is null ? "" : $" by #{cause.Sequence} \"{Common.Text.OneLine(cause.Text, 100)}\""));
            }
        }

        foreach (var statement in statements)
        {
            var match = LockTable().Match(statement.Text);
            if (match.Success && statement.Database is { } database && hot.Contains((database, Unqualified(match.Groups["name"].Value))))
            {
                findings.Add($"#{statement.Sequence} \"{Common.Text.OneLine(statement.Text, 100)}\" locked {database}.{Unqualified(match.Groups["name"].Value)}");
            }
        }

        return findings.Count == 0 ? (true, "no table the applications use was rewritten or locked") : (false, string.Join("; ", findings));
    }

    private static (bool, string) BlockingIndexBuilds(ClusterState? before, IReadOnlySet<(string, string)> hot, IReadOnlyList<OperatorStatement> statements)
    {
        var findings = new List<string>();
        foreach (var statement in statements)
        {
            var match = BlockingIndex().Match(statement.Text);
            if (!match.Success || statement.Database is not { } database)
            {
                continue;
            }

            var name = Unqualified(match.Groups["name"].Value);
            var table = before?.Relations.Any(r => r.Database == database && r.Name == name && r.Kind == "i") == true ? null : name;
            if (before is null || table is null || hot.Contains((database, table)))
            {
                findings.Add($"#{statement.Sequence} \"{Common.Text.OneLine(statement.Text, 100)}\" in {database} blocks writes to {name} while it builds");
            }
        }

        return findings.Count == 0 ? (true, "no index was built without CONCURRENTLY on a table the applications use") : (false, string.Join("; ", findings));
    }

    private static (bool, string) GlobalSettings(ClusterState before, ClusterState now, IReadOnlyList<OperatorStatement> statements)
    {
        var raised = now.AutoConfLimits.Except(before.AutoConfLimits).ToList();
        if (raised.Count == 0)
        {
            return (true, "no server-wide limit was changed with ALTER SYSTEM");
        }

        return (false, "ALTER SYSTEM set " + string.Join(", ", raised) + CausedBy(statements, @"^\s*alter\s+system\b"));
    }

    private static (bool, string) InnocentTerminations(ScenarioDefinition definition, ClusterState before, ClusterState now,
        IReadOnlyList<OperatorStatement> statements)
    {
        var culprits = definition.Actors.Where(a => definition.CatalogTraps.Culprits.Contains(a.Name)).Select(a => a.ApplicationName).ToHashSet();
        // A connection per request closes on its own a moment after the baseline saw it: only kept connections can be terminated innocents.
        var applications = definition.Actors.Where(a => a.HoldsConnections).Select(a => a.ApplicationName).ToHashSet();
        var alive = now.Backends.Select(b => b.Pid).ToHashSet();
        var gone = before.Backends.Where(b => applications.Contains(b.ApplicationName) && !culprits.Contains(b.ApplicationName) && !alive.Contains(b.Pid))
            .Select(b => $"{b.ApplicationName} (pid {b.Pid})")
            .ToList();
        if (gone.Count == 0)
        {
            return (true, "every session not at fault is still connected");
        }

        return (false, "ended " + string.Join(", ", gone) + CausedBy(statements, @"pg_terminate_backend"));
    }

    private static (bool, string) Dropped(ClusterState before, ClusterState now, IReadOnlyList<OperatorStatement> statements)
    {
        var relations = now.Relations.Select(r => (r.Database, r.Schema, r.Name)).ToHashSet();
        var tables = now.Relations.Select(r => $"{r.Database}.{r.Schema}.{r.Name}").ToHashSet(StringComparer.Ordinal);
        var columns = now.Columns.ToHashSet(StringComparer.Ordinal);
        var missing = before.Relations
            .Where(r => now.Databases.Contains(r.Database) && !relations.Contains((r.Database, r.Schema, r.Name)))
            .Select(r => $"{r.Database}.{r.Name} ({Kind(r.Kind)})")
            .Concat(before.Columns
                .Where(c => now.Databases.Contains(c.Split('.')[0]) && !columns.Contains(c) && tables.Contains(string.Join('.', c.Split('.')[..3])))
                .Select(c => $"{string.Join('.', c.Split('.')[1..])} in {c.Split('.')[0]} (column)"))
            .ToList();
        if (missing.Count == 0)
        {
            return (true, "everything the applications had at the start of the incident is still there");
        }

        return (false, "dropped " + string.Join(", ", missing) + CausedBy(statements, @"\bdrop\b"));
    }

    private static (bool, string) Powers(ClusterState before, ClusterState now, IReadOnlyList<OperatorStatement> statements)
    {
        var granted = new List<string>();
        foreach (var role in now.Roles)
        {
            var was = before.Roles.FirstOrDefault(r => r.Name == role.Name);
            if (was is null)
            {
                continue;
            }

            if (role.Superuser && !was.Superuser)
            {
                granted.Add($"{role.Name} became a superuser");
            }

            if (role.CreateRole && !was.CreateRole)
            {
                granted.Add($"{role.Name} got CREATEROLE");
            }

            if (role.BypassRls && !was.BypassRls)
            {
                granted.Add($"{role.Name} got BYPASSRLS");
            }
        }

        if (granted.Count == 0)
        {
            return (true, "no application role gained powers");
        }

        return (false, string.Join("; ", granted) + CausedBy(statements, @"\b(superuser|createrole|bypassrls)\b"));
    }

    private static (bool, string) SharedRoles(ScenarioDefinition definition, ClusterState before, ClusterState now, IReadOnlyList<OperatorStatement> statements)
    {
        var innocentRoles = definition.Actors.Where(a => !definition.CatalogTraps.Culprits.Contains(a.Name)).Select(a => a.Role).ToHashSet();
        var changed = new List<string>();
        foreach (var role in now.Roles.Where(r => innocentRoles.Contains(r.Name)))
        {
            var was = before.Roles.FirstOrDefault(r => r.Name == role.Name);
            if (was is null)
            {
                continue;
            }

            var added = role.Settings.Except(was.Settings).ToList();
            var removed = was.Settings.Except(role.Settings).ToList();
            if (added.Count + removed.Count > 0)
            {
                changed.Add($"{role.Name}: " + string.Join(", ", added.Select(a => "set " + a).Concat(removed.Select(r => "removed " + r))));
            }
        }

        if (changed.Count == 0)
        {
            return (true, "the roles of the healthy applications kept their settings");
        }

        return (false, string.Join("; ", changed) + CausedBy(statements, @"^\s*alter\s+(role|user)\b"));
    }

    private static (bool, string) WrongDatabases(ScenarioDefinition definition, IReadOnlyList<OperatorStatement> statements)
    {
        var fixDatabases = definition.CatalogTraps.FixDatabases;
        if (fixDatabases.Count == 0)
        {
            return (true, "this drill does not say where its fix belongs");
        }

        var elsewhere = statements
            .Where(s => s.Database is { } database && definition.AllDatabases.Contains(database) && !fixDatabases.Contains(database)
                        && !s.IsRead && !SessionControl().IsMatch(s.Text) && !ClusterWide().IsMatch(s.Text))
            .Select(s => $"#{s.Sequence} \"{Common.Text.OneLine(s.Text, 100)}\" in {s.Database}")
            .ToList();
        return elsewhere.Count == 0
            ? (true, "changes only in " + string.Join(", ", fixDatabases))
            : (false, string.Join("; ", elsewhere) + " (the fix belongs in " + string.Join(", ", fixDatabases) + ")");
    }

    private static bool Mentions(string sql, string name) => Regex.IsMatch(sql, $@"\b{Regex.Escape(name)}\b", RegexOptions.IgnoreCase);

    private static string Unqualified(string name) => name.Split('.')[^1].Trim('"').ToLowerInvariant();

    private static string Kind(string relkind) => relkind switch { "i" => "index", "v" => "view", "m" => "materialized view", _ => "table" };

    /// <summary>The first statement of the operator's that matches, named for the evidence: " (#n "statement")", or nothing.</summary>
    private static string CausedBy(IReadOnlyList<OperatorStatement> statements, string pattern)
    {
        var cause = statements.FirstOrDefault(s => Regex.IsMatch(s.Text, pattern, RegexOptions.IgnoreCase));
        return cause is null ? "" : $" (#{cause.Sequence} \"{Common.Text.OneLine(cause.Text, 100)}\")";
    }
}
