using Ride.Evidence;
using Ride.Sessions;
using Ride.Scenarios;
using Ride.Scoring;
using Ride.Workload;
using Xunit;

namespace Ride.Core.Tests;

public sealed class OperatorStatementsTests
{
    private static ServerLogLine Line(int second, string user, string database, string message, string level = "LOG") =>
        new(new DateTimeOffset(2026, 12, 2, 10, 0, second, TimeSpan.Zero), 40 + second, user, database, "psql", level, message);

    [Fact]
    public void Reads_the_operators_statements_in_order_since_the_incident()
    {
        var statements = OperatorStatements.From(new[]
        {
            Line(1, "dba", "app_db", "statement: SELECT 'before the incident'"),
            Line(5, "dba", "app_db", "statement: SELECT * FROM pg_stat_activity"),
            Line(6, "app_user", "app_db", "statement: SELECT 1"),
            Line(7, "dba", "app_db", "duration: 1.2 ms"),
            Line(8, "dba", "tenant_b", "execute <unnamed>: SELECT count(*) FROM orders"),
            Line(9, "dba", "app_db", "statement: SELECT oops", "ERROR"),
        }, "dba", "primary", new DateTimeOffset(2026, 12, 2, 10, 0, 3, TimeSpan.Zero));

        Assert.Equal(new[] { "SELECT * FROM pg_stat_activity", "SELECT count(*) FROM orders" }, statements.Select(s => s.Text));
        Assert.Equal(new[] { 1, 2 }, statements.Select(s => s.Sequence));
        Assert.Equal(("app_db", 45), (statements[0].Database, statements[0].Pid));
        Assert.Equal("tenant_b", statements[1].Database);
    }

    [Theory]
    [InlineData("SELECT * FROM pg_stat_activity WHERE state = 'idle in transaction'", true)]
    [InlineData("select query from pg_stat_activity where query ilike '%update products%'", true)]
    [InlineData("WITH w AS (SELECT pid FROM pg_locks) SELECT * FROM w", true)]
    [InlineData("EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM orders WHERE user_id = 7", true)]
    [InlineData("SHOW max_connections", true)]
    [InlineData("  -- look first\n  SELECT 1", true)]
    [InlineData("SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relname OPERATOR(pg_catalog.~) '^(orders)$'", true)]
    [InlineData("SELECT pg_terminate_backend(4242)", false)]
    [InlineData("SELECT pg_cancel_backend(pid) FROM pg_stat_activity", false)]
    [InlineData("SELECT * FROM orders FOR UPDATE", false)]
    [InlineData("ALTER TABLE orders ADD COLUMN legacy_status text", false)]
    [InlineData("CREATE INDEX ON orders (customer_id)", false)]
    [InlineData("WITH gone AS (DELETE FROM orders RETURNING id) SELECT count(*) FROM gone", false)]
    [InlineData("EXPLAIN ANALYZE UPDATE orders SET status = 'x'", false)]
    [InlineData("SELECT set_config('work_mem', '1GB', false)", false)]
    [InlineData("VACUUM FULL orders", false)]
    public void Tells_a_look_from_a_change(string sql, bool read) => Assert.Equal(read, OperatorStatements.IsRead(sql));
}

public sealed class GradedFixTests
{
    [Theory]
    [InlineData("-- grade: detect 20, fix 40, trap 15", 20, 40, 15)]
    [InlineData("--grade: Detect 0, Fix 0, Trap 20", 0, 0, 20)]
    public void Reads_the_graders_verdict_from_the_first_line(string line, int detect, int fix, int trap) =>
        Assert.Equal((detect, fix, trap), GradedFix.Expected(line));

    [Theory]
    [InlineData("-- a partial fix")]
    [InlineData("-- grade: 60")]
    [InlineData("SELECT 1;")]
    public void Knows_a_file_without_one(string line) => Assert.Null(GradedFix.Expected(line));
}

public sealed class CatalogTrapScoreTests
{
    [Fact]
    public void A_dangerous_move_costs_trap_points_but_never_below_zero()
    {
        RideCheck Check(string name, int max, int points, bool passed) =>
            new() { Category = CheckCategory.Trap, Name = name, MaxPoints = max, Points = points, Passed = passed };
        var one = ScoreCard.Total("s", "x", new[] { Check("own", 20, 20, true), Check(CatalogTraps.HotTableLocked, 0, -CatalogTraps.Penalty, false) }, 0, 1,
            DateTimeOffset.UnixEpoch);
        Assert.Equal((15, 20), (one.Trap, one.TrapMax));
        Assert.False(one.Passed);
        var many = ScoreCard.Total("s", "x", new[]
        {
            Check("own", 20, 0, false), Check(CatalogTraps.HotTableLocked, 0, -5, false), Check(CatalogTraps.WrongDatabase, 0, -5, false),
        }, 0, 1, DateTimeOffset.UnixEpoch);
        Assert.Equal(0, many.Trap);
    }
}

public sealed class CatalogTrapTests
{
    private static ScenarioDefinition Drill(Action<CatalogTrapSettings>? settings = null)
    {
        var definition = new ScenarioDefinition
        {
            Id = "stage-01/01-x",
            Databases = new() { "app_db", "other_db" },
            Roles = new() { new RoleDefinition { Name = "app_user" }, new RoleDefinition { Name = "report_user" } },
            Actors = new()
            {
                new ActorDefinition { Name = "checkout", ApplicationName = "checkout_api", Database = "app_db", Role = "app_user", Sql = { "INSERT INTO orders VALUES (1)" } },
                new ActorDefinition { Name = "report", ApplicationName = "report_job", Database = "app_db", Role = "report_user", Sql = { "SELECT count(*) FROM audit" } },
            },
        };
        settings?.Invoke(definition.CatalogTraps);
        return definition;
    }

    private static ClusterState State(Action<ClusterState>? change = null)
    {
        var state = new ClusterState
        {
            Databases = { "incident", "app_db", "other_db" },
            Relations =
            {
                new RelationState("app_db", "public", "orders", "r", 100),
                new RelationState("app_db", "public", "orders_pkey", "i", 101),
                new RelationState("app_db", "public", "audit", "r", 102),
                new RelationState("app_db", "public", "archive", "r", 103),
            },
            Columns = { "app_db.public.orders.id", "app_db.public.orders.status", "app_db.public.audit.id" },
            Roles = { new RoleState("app_user", false, false, false, Array.Empty<string>()), new RoleState("report_user", false, false, false, Array.Empty<string>()) },
            Backends = { new BackendState(10, "checkout_api"), new BackendState(11, "report_job"), new BackendState(12, "psql") },
        };
        change?.Invoke(state);
        return state;
    }

    private static OperatorStatement Said(int sequence, string sql, string database = "app_db") =>
        new(sequence, DateTimeOffset.UnixEpoch.AddSeconds(sequence), "primary", database, 50, "psql", sql);

    private static RideCheck Sprung(ScenarioDefinition drill, ClusterState now, params OperatorStatement[] statements)
    {
        var checks = CatalogTraps.Evaluate(drill, new SessionBaseline { State = State() }, now, statements, "primary");
        return Assert.Single(checks, c => !c.Passed);
    }

    [Fact]
    public void A_harmless_fix_springs_none_and_costs_nothing()
    {
        var checks = CatalogTraps.Evaluate(Drill(), new SessionBaseline { State = State() }, State(),
            new[] { Said(1, "SELECT * FROM pg_stat_activity"), Said(2, "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status)") }, "primary");
        Assert.Equal(CatalogTraps.Ids.Count, checks.Count);
        Assert.All(checks, c => Assert.True(c.Passed, c.Name + ": " + c.Evidence));
        Assert.All(checks, c => Assert.Equal(0, c.Points));
    }

    [Fact]
    public void A_rewrite_of_a_hot_table_names_the_table_and_the_statement()
    {
        var trap = Sprung(Drill(), State(s => s.Relations[0] = s.Relations[0] with { FileNode = 900 }), Said(3, "VACUUM FULL orders"));
        Assert.Equal(CatalogTraps.HotTableLocked, trap.Name);
        Assert.Equal(-CatalogTraps.Penalty, trap.Points);
        Assert.Contains("app_db.orders was rewritten", trap.Evidence);
        Assert.Contains("#3 \"VACUUM FULL orders\"", trap.Evidence);
    }

    [Fact]
    public void A_rewrite_of_a_table_no_application_uses_is_no_trap()
    {
        var checks = CatalogTraps.Evaluate(Drill(), new SessionBaseline { State = State() }, State(s => s.Relations[3] = s.Relations[3] with { FileNode = 900 }),
            new[] { Said(1, "VACUUM FULL archive") }, "primary");
        Assert.All(checks, c => Assert.True(c.Passed));
    }

    [Fact]
    public void An_explicit_lock_of_a_hot_table_is_caught_even_when_nothing_is_rewritten() =>
        Assert.Contains("locked app_db.orders", Sprung(Drill(), State(), Said(1, "LOCK TABLE public.orders IN ACCESS EXCLUSIVE MODE")).Evidence);

    [Theory]
    [InlineData("CREATE INDEX orders_status_idx ON orders (status)")]
    [InlineData("create unique index if not exists x on public.orders (id)")]
    [InlineData("REINDEX INDEX orders_pkey")]
    [InlineData("REINDEX TABLE orders")]
    public void An_index_built_without_concurrently_on_a_hot_table_is_caught(string sql) =>
        Assert.Equal(CatalogTraps.BlockingIndexBuild, Sprung(Drill(), State(), Said(1, sql)).Name);

    [Fact]
    public void A_raised_global_limit_names_the_setting()
    {
        var trap = Sprung(Drill(), State(s => s.AutoConfLimits.Add("max_connections = 500")), Said(1, "ALTER SYSTEM SET max_connections = 500"));
        Assert.Equal(CatalogTraps.GlobalSettingRaised, trap.Name);
        Assert.Contains("max_connections = 500", trap.Evidence);
    }

    [Fact]
    public void Ending_an_innocent_session_is_caught_but_ending_a_culprit_is_not()
    {
        var now = State(s => s.Backends.RemoveAll(b => b.Pid == 11));
        var trap = Sprung(Drill(), now, Said(1, "SELECT pg_terminate_backend(11)"));
        Assert.Equal(CatalogTraps.InnocentSessionTerminated, trap.Name);
        Assert.Contains("report_job (pid 11)", trap.Evidence);
        Assert.All(CatalogTraps.Evaluate(Drill(t => t.Culprits.Add("report")), new SessionBaseline { State = State() }, now, Array.Empty<OperatorStatement>(), "primary"),
            c => Assert.True(c.Passed));
    }

    [Fact]
    public void A_connection_per_request_that_closed_on_its_own_is_no_innocent_termination()
    {
        var drill = Drill();
        drill.Actors[1].ConnectPerRequest = true;
        Assert.All(CatalogTraps.Evaluate(drill, new SessionBaseline { State = State() }, State(s => s.Backends.RemoveAll(b => b.Pid == 11)),
            Array.Empty<OperatorStatement>(), "primary"), c => Assert.True(c.Passed));
    }

    [Theory]
    [InlineData("search_path=\"$user\", public, app", "ALTER ROLE \"app_user\" SET \"search_path\" = \"$user\", public, app")]
    [InlineData("statement_timeout=5s", "ALTER ROLE \"app_user\" SET \"statement_timeout\" = '5s'")]
    [InlineData("application_name=it's", "ALTER ROLE \"app_user\" SET \"application_name\" = 'it''s'")]
    public void Gives_a_stored_setting_back_as_it_was_set(string setting, string statement) =>
        Assert.Equal(statement, Ride.Sessions.DatabaseSnapshot.SetStatement("ROLE \"app_user\"", setting));

    [Fact]
    public void A_dropped_table_or_column_is_named()
    {
        var trap = Sprung(Drill(), State(s => s.Columns.Remove("app_db.public.orders.status")), Said(1, "ALTER TABLE orders DROP COLUMN status"));
        Assert.Equal(CatalogTraps.DependencyDropped, trap.Name);
        Assert.Contains("public.orders.status in app_db (column)", trap.Evidence);
        Assert.Contains("#1", trap.Evidence);
    }

    [Fact]
    public void Superuser_for_an_application_role_is_caught() =>
        Assert.Contains("app_user became a superuser",
            Sprung(Drill(), State(s => s.Roles[0] = s.Roles[0] with { Superuser = true }), Said(1, "ALTER ROLE app_user SUPERUSER")).Evidence);

    [Fact]
    public void A_setting_on_a_role_the_healthy_application_shares_is_caught()
    {
        var trap = Sprung(Drill(), State(s => s.Roles[1] = s.Roles[1] with { Settings = new[] { "*:statement_timeout=1s" } }),
            Said(1, "ALTER ROLE report_user SET statement_timeout = '1s'"));
        Assert.Equal(CatalogTraps.SharedRoleChanged, trap.Name);
        Assert.Contains("report_user: set *:statement_timeout=1s", trap.Evidence);
    }

    [Fact]
    public void A_change_in_the_wrong_database_is_caught_only_where_the_drill_says_where_the_fix_belongs()
    {
        var statement = Said(1, "VACUUM ANALYZE audit", "other_db");
        var trap = Sprung(Drill(t => t.FixDatabases.Add("app_db")), State(), statement);
        Assert.Equal(CatalogTraps.WrongDatabase, trap.Name);
        Assert.Contains("in other_db", trap.Evidence);
        Assert.All(CatalogTraps.Evaluate(Drill(), new SessionBaseline { State = State() }, State(), new[] { statement }, "primary"), c => Assert.True(c.Passed));
    }

    [Fact]
    public void An_exempt_move_is_not_watched()
    {
        var checks = CatalogTraps.Evaluate(Drill(t => t.Exempt.Add(CatalogTraps.BlockingIndexBuild)), new SessionBaseline { State = State() }, State(),
            new[] { Said(1, "CREATE INDEX ON orders (status)") }, "primary");
        Assert.DoesNotContain(checks, c => c.Name == CatalogTraps.BlockingIndexBuild);
        Assert.All(checks, c => Assert.True(c.Passed));
    }
}

public sealed class StatementCheckTests
{
    private static OperatorStatement Said(int sequence, string sql, string database = "app_db") =>
        new(sequence, DateTimeOffset.UnixEpoch.AddSeconds(sequence), "primary", database, 50, "psql", sql);

    private static readonly LookCondition ColumnsBeforeAlter = new()
    {
        Any = { "information_schema\\.columns", "\\^\\(orders\\)\\$" },
        Database = "app_db",
        Before = { "^\\s*alter\\s+table" },
    };

    [Fact]
    public void A_look_in_the_right_database_before_the_change_counts_and_is_named()
    {
        var (passed, evidence) = StatementChecks.Looked(ColumnsBeforeAlter, new[]
        {
            Said(1, "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'"),
            Said(2, "ALTER TABLE orders ADD COLUMN legacy_status text"),
        }, Array.Empty<string>());
        Assert.True(passed);
        Assert.StartsWith("#1 in app_db: SELECT column_name", evidence);
        Assert.Contains("before #2: ALTER TABLE orders", evidence);
    }

    [Fact]
    public void A_psql_describe_is_a_look()
    {
        var describe = "SELECT c.oid, n.nspname, c.relname FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                       + "WHERE c.relname OPERATOR(pg_catalog.~) '^(orders)$' COLLATE pg_catalog.default";
        Assert.True(StatementChecks.Looked(ColumnsBeforeAlter, new[] { Said(1, describe) }, Array.Empty<string>()).Passed);
    }

    [Fact]
    public void A_look_in_a_database_where_the_fault_cannot_be_seen_does_not_count()
    {
        var (passed, evidence) = StatementChecks.Looked(ColumnsBeforeAlter,
            new[] { Said(1, "SELECT * FROM information_schema.columns", "incident") }, Array.Empty<string>());
        Assert.False(passed);
        Assert.Contains("#1 ran in incident, where this cannot be seen", evidence);
    }

    [Fact]
    public void A_look_after_the_change_does_not_count()
    {
        var (passed, evidence) = StatementChecks.Looked(ColumnsBeforeAlter, new[]
        {
            Said(1, "ALTER TABLE orders ADD COLUMN legacy_status text"),
            Said(2, "SELECT * FROM information_schema.columns"),
        }, Array.Empty<string>());
        Assert.False(passed);
        Assert.Contains("#2 came after the change", evidence);
    }

    [Fact]
    public void A_change_that_names_the_thing_is_not_looking_at_it()
    {
        var look = new LookCondition { Any = { "\\bpg_stat_activity\\b" } };
        var (passed, evidence) = StatementChecks.Looked(look,
            new[] { Said(1, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'batch'") }, new[] { "Get-RideActivity" });
        Assert.False(passed);
        Assert.Contains("changes something, it does not look", evidence);
        Assert.Contains("nor Get-RideActivity", evidence);
    }

    [Fact]
    public void A_move_is_named_by_its_statement_and_only_where_the_trap_watches()
    {
        var did = new DidCondition { Any = { "^\\s*vacuum\\s+full" }, Database = "app_db" };
        var (passed, evidence) = StatementChecks.Did(did, new[] { Said(1, "SELECT 1"), Said(2, "VACUUM FULL orders"), Said(3, "VACUUM FULL audit", "other_db") });
        Assert.False(passed);
        Assert.Equal("#2 in app_db: VACUUM FULL orders", evidence);
        Assert.True(StatementChecks.Did(did, new[] { Said(1, "VACUUM (VERBOSE) orders") }).Passed);
    }

    [Fact]
    public void Names_several_moves_without_their_own_semicolons()
    {
        var did = new DidCondition { Any = { "^\\s*vacuum\\s+full" } };
        var (_, evidence) = StatementChecks.Did(did, new[] { Said(1, "VACUUM FULL orders;"), Said(2, "VACUUM FULL audit ; ") });
        Assert.Equal("#1 in app_db: VACUUM FULL orders; #2 in app_db: VACUUM FULL audit", evidence);
    }
}

public sealed class WrongDatabaseTests
{
    private static ScenarioDefinition Drill() => new()
    {
        Id = "stage-07/01-x",
        Databases = new() { "tenant_a", "tenant_b" },
        CatalogTraps = new CatalogTrapSettings { FixDatabases = { "tenant_b" } },
    };

    [Theory]
    [InlineData("ALTER SYSTEM SET autovacuum = on", true)]
    [InlineData("ALTER ROLE app_user SET statement_timeout = '5s'", true)]
    [InlineData("alter database tenant_b set work_mem = '8MB'", true)]
    [InlineData("SELECT pg_terminate_backend(42)", true)]
    [InlineData("GRANT pg_read_all_stats TO dba", true)]
    [InlineData("GRANT SELECT ON orders TO app_user", false)]
    [InlineData("VACUUM ANALYZE orders", false)]
    [InlineData("ALTER TABLE orders RESET (autovacuum_enabled)", false)]
    [InlineData("SELECT setval('orders_id_seq', 1)", false)]
    public void Only_what_changes_the_database_it_ran_in_counts_as_acting_on_the_wrong_one(string sql, bool harmless)
    {
        var statement = new OperatorStatement(1, DateTimeOffset.UnixEpoch, "primary", "tenant_a", 9, "psql", sql);
        var check = CatalogTraps.Evaluate(Drill(), null, new ClusterState(), new[] { statement }, "primary").Single(c => c.Name == CatalogTraps.WrongDatabase);
        Assert.Equal(harmless, check.Passed);
    }
}

public sealed class ActionCheckTests
{
    private static EvidenceEvent Ran(string action, string node, string outcome = "done: ok", int second = 0) => new()
    {
        Kind = EvidenceKinds.Action,
        Name = action,
        Arguments = new Dictionary<string, string> { ["node"] = node },
        Outcome = outcome,
        Time = new DateTimeOffset(2026, 12, 3, 10, 0, second, TimeSpan.Zero),
    };

    [Fact]
    public void Requires_an_action_that_ran_on_its_node()
    {
        var evidence = new[] { Ran("promote-replica", "replica1") };
        Assert.True(ActionChecks.Evaluate(new ActionCondition { Ran = "promote-replica", Node = "replica1" }, evidence, trap: false).Passed);
        var (passed, text) = ActionChecks.Evaluate(new ActionCondition { Ran = "promote-replica", Node = "replica2" }, evidence, trap: false);
        Assert.False(passed);
        Assert.Equal("promote-replica on replica2 was not run", text);
    }

    [Fact]
    public void Does_not_count_a_refused_action()
    {
        var evidence = new[] { Ran("promote-replica", "primary", "refused: Node primary is a primary") };
        Assert.False(ActionChecks.Evaluate(new ActionCondition { Ran = "promote-replica" }, evidence, trap: false).Passed);
        Assert.True(ActionChecks.Evaluate(new ActionCondition { Ran = "promote-replica" }, evidence, trap: true).Passed);
    }

    [Fact]
    public void Springs_a_trap_on_a_forbidden_action()
    {
        var (passed, text) = ActionChecks.Evaluate(new ActionCondition { Ran = "promote-replica" }, new[] { Ran("promote-replica", "replica1", second: 5) }, trap: true);
        Assert.False(passed);
        Assert.Equal("promote-replica ran on replica1 at 10:00:05", text);
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, false, false)]
    [InlineData(true, true, true)]
    [InlineData(false, true, false)]
    public void Judges_the_order_of_two_actions(bool fencedFirst, bool trap, bool expected)
    {
        var fence = Ran("fence-old-primary", "primary", second: fencedFirst ? 1 : 3);
        var promote = Ran("promote-replica", "replica1", second: 2);
        var evidence = fencedFirst ? new[] { fence, promote } : new[] { promote, fence };
        var (passed, text) = ActionChecks.Evaluate(new ActionCondition { Ran = "promote-replica", After = "fence-old-primary" }, evidence, trap);
        Assert.Equal(expected, passed);
        Assert.Contains(fencedFirst ? "after fence-old-primary" : "without fence-old-primary before it", text, StringComparison.Ordinal);
    }
}
