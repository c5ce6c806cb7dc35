using Ride.Common;
using Ride.Engines.Local;
using Ride.Evidence;
using Ride.Scenarios;
using Xunit;

namespace Ride.Core.Tests;

public sealed class ScenarioValidationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ride-scenario-").FullName;

    public ScenarioValidationTests()
    {
        foreach (var file in new[] { "setup.sql", "incident.sql", "postmortem.md", "solution.sql" })
        {
            File.WriteAllText(Path.Combine(_folder, file), "SELECT 1;\n");
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Valid = """
        id: stage-98/01-sample
        title: Sample
        topic: Testing
        level: L1
        briefing: Something is slow.
        databases: [app_db]
        roles:
          - name: app_user
        actors:
          - name: app
            applicationName: app_api
            database: app_db
            role: app_user
            sql: [SELECT 1]
        liveWhen:
          sql: SELECT true
          actors: [app]
        hints: [Look around.]
        checks:
          detect:
            - name: looked
              description: Looked.
              points: 40
              commands: [Get-RideActivity]
          fix:
            - name: works
              description: Works.
              points: 40
              workload: [app]
          trap:
            - name: careful
              description: Careful.
              points: 20
              sql: SELECT true
        """;

    private RideScenario Load(string yaml)
    {
        File.WriteAllText(Path.Combine(_folder, ScenarioCatalog.FileName), yaml);
        return ScenarioCatalog.Load(_folder);
    }

    [Fact]
    public void Loads_a_valid_scenario_with_defaults_for_a_single_server()
    {
        var scenario = Load(Valid);
        Assert.Equal("stage-98/01", scenario.ShortId);
        Assert.Equal(new[] { "incident", "app_db" }, scenario.Databases);
        Assert.Equal(100, scenario.MaxScore);
        Assert.Equal("", scenario.Definition.Actors[0].Node);
        Assert.Equal(new[] { "primary" }, scenario.Definition.NodeNames);
    }

    [Theory]
    [InlineData("liveWhen:\n  sql: SELECT true\n  actors: [app]\n", "", "liveWhen", "is required")]
    [InlineData("    sql: [SELECT 1]\n", "    node: replica1\n    sql: [SELECT 1]\n", "actors[0].node", "'replica1' is not a node")]
    [InlineData("  actors: [app]\n", "  actors: [ghost]\n", "liveWhen.actors", "'ghost' is not a loop actor")]
    [InlineData("      points: 20\n", "      points: 20\n      node: elsewhere\n", "checks.trap[0].node", "not a node")]
    [InlineData("      sql: SELECT true", "      sql: SELECT true\n      did: {any: [drop]}", "checks.trap[0]", "did decides a check on its own")]
    public void Names_the_field_and_line_of_a_problem(string replace, string with, string field, string message)
    {
        var error = Assert.Throws<RideException>(() => Load(Valid.Replace(replace, with, StringComparison.Ordinal)));
        Assert.Equal("ScenarioInvalid", error.ErrorId);
        Assert.Contains($"field '{field}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Matches(@"scenario\.yml:\d+:", error.Message);
    }

    private const string TwoNodes = """
        topology:
          - name: pg1
            role: primary
          - name: standby
            role: replica
            of: pg1
            slot: true
        actions: [start-primary, promote-replica]

        """;

    [Fact]
    public void Loads_a_topology_and_the_actions_it_allows()
    {
        var scenario = Load(TwoNodes + Valid.Replace("    sql: [SELECT 1]\n", "    node: standby\n    sql: [SELECT 1]\n", StringComparison.Ordinal));
        Assert.Equal(new[] { "pg1", "standby" }, scenario.Definition.NodeNames);
        Assert.Equal(NodeRoles.Replica, scenario.Definition.Nodes[1].Role);
        Assert.True(scenario.Definition.Nodes[1].Slot);
        Assert.Equal(new[] { "start-primary", "promote-replica" }, scenario.Definition.Actions);
        Assert.Equal("standby", scenario.Definition.Actors[0].Node);
    }

    [Theory]
    [InlineData("    role: replica\n    of: pg1\n", "    role: primary\n", "topology[1].role", "'standby' is a second primary (the first is 'pg1')")]
    [InlineData("    of: pg1\n", "    of: ghost\n", "topology[1].of", "'ghost' is not a node of this scenario (pg1, standby)")]
    [InlineData("    of: pg1\n", "    of: standby\n", "topology[1].of", "in a circle")]
    [InlineData("    of: pg1\n", "", "topology[1].of", "a replica names the node it streams from")]
    [InlineData("    role: primary\n", "    role: leader\n", "topology[0].role", "'leader' is not a node role (primary, replica, pooler)")]
    [InlineData("    role: replica\n    of: pg1\n    slot: true\n", "    role: pooler\n    of: pg1\n    slot: true\n", "topology[1].slot", "only a replica streams through a slot")]
    [InlineData("    role: replica\n    of: pg1\n    slot: true\n", "    role: pooler\n    of: ghost\n", "topology[1].of", "'ghost' is not a node of this scenario (pg1, standby)")]
    [InlineData("    role: replica\n    of: pg1\n    slot: true\n", "    role: pooler\n", "topology[1].of", "a pooler names the database node it fronts")]
    [InlineData("    role: primary\n", "    role: primary\n    slot: true\n", "topology[0].slot", "only a replica streams through a slot")]
    [InlineData("promote-replica]", "promote-everything]", "actions[1]", "'promote-everything' is not a safe action. Known actions: start-primary, stop-node")]
    [InlineData("actions: [start-primary, promote-replica]", "actions: [stop-node, stop-node]", "actions[1]", "'stop-node' is listed twice")]
    [InlineData("actions: [start-primary, promote-replica]", "actions: [start-primary]", "checks.trap[0].action.ran",
        "'promote-replica' is not one of the actions this scenario allows (start-primary)")]
    public void Names_the_field_and_line_of_a_topology_problem(string replace, string with, string field, string message)
    {
        var trapOnPromotion = Valid.Replace("      sql: SELECT true", "      action: {ran: promote-replica, after: start-primary}", StringComparison.Ordinal);
        var error = Assert.Throws<RideException>(() => Load(TwoNodes.Replace(replace, with, StringComparison.Ordinal) + trapOnPromotion));
        Assert.Equal("ScenarioInvalid", error.ErrorId);
        Assert.Contains($"field '{field}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Matches(@"scenario\.yml:\d+:", error.Message);
    }

    private const string Pooled = """
        topology:
          - name: pg1
            role: primary
          - name: bouncer
            role: pooler
            of: pg1
            settings:
              pool_mode: transaction
              default_pool_size: "4"
        actions: [reload-pooler]

        """;

    [Fact]
    public void Loads_a_pooler_with_its_pool_settings()
    {
        var scenario = Load(Pooled + Valid.Replace("    sql: [SELECT 1]\n", "    node: bouncer\n    sql: [SELECT 1]\n", StringComparison.Ordinal));
        var pooler = scenario.Definition.Nodes[1];
        Assert.Equal(NodeRoles.Pooler, pooler.Role);
        Assert.Equal("pg1", pooler.Of);
        Assert.Equal("transaction", pooler.Settings["pool_mode"]);
        Assert.Equal("4", pooler.Settings["default_pool_size"]);
        Assert.Equal("bouncer", scenario.Definition.Actors[0].Node);
    }

    [Theory]
    [InlineData("      pool_mode: transaction\n", "      listen_port: \"7000\"\n", "topology[1].settings.listen_port", "'listen_port' is not a pool setting a scenario can give PgBouncer")]
    [InlineData("      pool_mode: transaction\n", "      pool_mode: \"session; admin_users = x\"\n", "topology[1].settings.pool_mode", "is not a plain one-line value")]
    [InlineData("    role: primary\n", "    role: primary\n    settings: {pool_mode: session}\n", "topology[0].settings", "only a pooler node takes settings here")]
    [InlineData("    of: pg1\n", "    of: bouncer\n", "topology[1].of", "'bouncer' is a pooler: a pooler fronts a primary or a replica")]
    [InlineData("liveWhen:\n  sql: SELECT true\n", "liveWhen:\n  node: bouncer\n  sql: SELECT true\n", "liveWhen.node", "'bouncer' is a pooler")]
    public void Names_the_field_and_line_of_a_pooler_problem(string replace, string with, string field, string message)
    {
        var error = Assert.Throws<RideException>(() => Load((Pooled + Valid).Replace(replace, with, StringComparison.Ordinal)));
        Assert.Equal("ScenarioInvalid", error.ErrorId);
        Assert.Contains($"field '{field}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_check_queries_off_the_pooler()
    {
        var text = Pooled + Valid.Replace("      points: 20\n", "      points: 20\n      node: bouncer\n", StringComparison.Ordinal);
        var error = Assert.Throws<RideException>(() => Load(text));
        Assert.Contains("'bouncer' is a pooler: Ride's own queries run on database nodes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Requires_a_primary_in_a_declared_topology()
    {
        var error = Assert.Throws<RideException>(() => Load(TwoNodes.Replace("    role: primary\n", "    role: replica\n    of: standby\n", StringComparison.Ordinal) + Valid));
        Assert.Contains("field 'topology'", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs a node with role primary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_to_an_alias_with_the_same_stage_and_number()
    {
        Load(Valid.Replace("title: Sample\n", "aliases: [stage-98/01-sample-migration]\ntitle: Sample\n", StringComparison.Ordinal));
        var catalog = new ScenarioCatalog(new RideOptions { Home = _folder, ScenarioPaths = new[] { _folder } });

        Assert.Equal("stage-98/01-sample", Assert.Single(catalog.Find("stage-98/01-SAMPLE-migration")).Id);
        Assert.Equal("stage-98/01-sample", Assert.Single(catalog.Find("*-migration")).Id);
        Assert.Equal(new[] { "stage-98/01-sample-migration" }, Assert.Single(catalog.Find("stage-98/01")).Aliases);
    }

    [Theory]
    [InlineData("stage-98/02-sample-migration", "names another drill")]
    [InlineData("stage-98/01-sample", "is the id itself")]
    [InlineData("stage-98/01-Sample_x", "is not of the form")]
    public void Refuses_an_alias_that_is_not_another_slug_of_the_same_drill(string alias, string message)
    {
        var error = Assert.Throws<RideException>(() => Load(Valid.Replace("title: Sample\n", $"aliases: [{alias}]\ntitle: Sample\n", StringComparison.Ordinal)));
        Assert.Contains("field 'aliases[0]'", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(2048)]
    public void Keeps_an_archive_directory_between_16_MB_and_1_GB(int size)
    {
        var error = Assert.Throws<RideException>(() => Load(Valid.Replace("databases: [app_db]\n", $"databases: [app_db]\narchiveSizeMb: {size}\n", StringComparison.Ordinal)));
        Assert.Contains("field 'archiveSizeMb'", error.Message, StringComparison.Ordinal);
        Assert.Equal(256, Load(Valid.Replace("databases: [app_db]\n", "databases: [app_db]\narchiveSizeMb: 256\n", StringComparison.Ordinal)).Definition.ArchiveSizeMb);
    }

    [Theory]
    [InlineData("transactionAge: {age: 1500000000, databases: [app_db]}\n", "autovacuum_freeze_max_age")]
    [InlineData("settings: {autovacuum_freeze_max_age: \"2000000000\"}\ntransactionAge: {age: 1500000000, databases: [tenant_b]}\n", "'tenant_b' is not one of")]
    [InlineData("settings: {autovacuum_freeze_max_age: \"2000000000\"}\ntransactionAge: {age: 1000, databases: [app_db]}\n", "is outside 1000000 to 2000000000")]
    [InlineData("settings: {autovacuum_freeze_max_age: \"2000000000\"}\ntransactionAge: {age: 1500000000, databases: []}\n", "names no database")]
    [InlineData("settings: {autovacuum_freeze_max_age: \"1500000000\"}\ntransactionAge: {age: 1500000000, databases: [app_db]}\n", "anti-wraparound autovacuum")]
    public void Refuses_a_transaction_age_that_autovacuum_would_undo_or_that_names_no_scenario_database(string yaml, string expected)
    {
        var error = Assert.Throws<RideException>(() => Load(Valid.Replace("databases: [app_db]\n", "databases: [app_db]\n" + yaml, StringComparison.Ordinal)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("transactionAge", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_a_transaction_age_below_autovacuum_freeze_max_age()
    {
        var aged = Load(Valid.Replace("databases: [app_db]\n",
            "databases: [app_db]\nsettings: {autovacuum_freeze_max_age: \"2000000000\"}\ntransactionAge: {age: 1500000000, databases: [app_db]}\n",
            StringComparison.Ordinal)).Definition.TransactionAge;
        Assert.NotNull(aged);
        Assert.Equal(1_500_000_000, aged.Age);
        Assert.Equal(new[] { "app_db" }, aged.Databases);
    }

    [Fact]
    public void Finds_the_line_of_a_nested_field()
    {
        Assert.Equal(28, ScenarioCatalog.LineOf(Valid, "checks.fix[0].points"));
        Assert.Equal(14, ScenarioCatalog.LineOf(Valid, "actors[0].sql"));
    }

    [Fact]
    public void Lists_every_fix_file_as_an_expectation_and_only_the_engine_promises_when_quick()
    {
        foreach (var (folder, name, text) in new[]
                 {
                     ("solutions", "other-style", "SELECT 1;\n"), ("graded", "half-done", "-- grade: detect 40, fix 0, trap 20\nSELECT 1;\n"),
                     ("traps", "careful", "SELECT 1;\n"),
                 })
        {
            Directory.CreateDirectory(Path.Combine(_folder, folder));
            File.WriteAllText(Path.Combine(_folder, folder, name + ".sql"), text);
        }

        var scenario = Load(Valid);
        var core = new[] { "incident-live", "no-op-fixes-nothing", "solution-scores-full", "reset-restores-incident" };
        Assert.Equal(core.Concat(new[] { "solution:other-style", "graded:half-done", "trap:careful" }), ScenarioTester.Expectations(scenario));
        Assert.Equal(core, ScenarioTester.Expectations(scenario, quick: true));
    }

    [Theory]
    [InlineData("stage-09/05-backward-incompatible-migration", true)]
    [InlineData("stage-9/05-x", false)]
    [InlineData("stage-09/05-Upper", false)]
    [InlineData("stage-09/05-double--dash", false)]
    public void Knows_a_scenario_id(string id, bool valid) => Assert.Equal(valid, ScenarioIds.IsValid(id));
}

public sealed class EvidenceLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ride-evidence-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Keeps_events_in_order_with_their_generation()
    {
        var log = new EvidenceLog(_folder);
        await log.AppendAsync(EvidenceKinds.Command, "Get-RideActivity", 0, CancellationToken.None,
            new Dictionary<string, string> { ["ApplicationName"] = "old_app*" });
        await log.AppendAsync(EvidenceKinds.Reset, "stage-09/05", 1, CancellationToken.None);
        await log.AppendAsync(EvidenceKinds.Command, "Get-RideLog", 1, CancellationToken.None);
        File.AppendAllText(Path.Combine(_folder, EvidenceLog.FileName), "{\"t\":\"cut short");

        var all = log.Read();
        Assert.Equal(new[] { "Get-RideActivity", "stage-09/05", "Get-RideLog" }, all.Select(e => e.Name));
        Assert.Equal("old_app*", all[0].Arguments["ApplicationName"]);
        Assert.Equal(new[] { "Get-RideLog" }, log.ForGeneration(1).Where(e => e.Kind == EvidenceKinds.Command).Select(e => e.Name));
    }
}

public sealed class JailTests
{
    [Fact]
    public void Shows_the_server_nothing_but_the_system_its_own_folder_and_a_private_etc()
    {
        var jail = new Jail("/usr/bin/bwrap", new ServerAccount("ride", 999, 995, SwitchUser: true), "/dev/shm/ride-0/s1-primary", "/usr/lib/postgresql/15/bin");
        var command = jail.CommandLine("/usr/lib/postgresql/15/bin/postgres", new[] { "-D", "/dev/shm/ride-0/s1-primary/data" },
            new Dictionary<string, string?> { ["PGPASSWORD"] = "x", ["UNSET"] = null }, dieWithParent: false,
            folder => folder is "/bin" or "/lib" ? "usr" + folder : null);
        var text = string.Join(' ', command);
        Assert.StartsWith("setpriv --reuid=999 --regid=995", text, StringComparison.Ordinal);
        Assert.Contains("--unshare-net", command);
        Assert.Contains("--unshare-pid", command);
        Assert.Contains("--clearenv", command);
        Assert.Contains("--symlink usr/bin /bin", text, StringComparison.Ordinal);
        Assert.Contains("--ro-bind-try /usr /usr", text, StringComparison.Ordinal);
        Assert.Contains("--ro-bind /dev/shm/ride-0/s1-primary/etc/passwd /etc/passwd", text, StringComparison.Ordinal);
        Assert.Contains("--bind /dev/shm/ride-0/s1-primary /dev/shm/ride-0/s1-primary", text, StringComparison.Ordinal);
        Assert.Contains("--setenv PGPASSWORD x", text, StringComparison.Ordinal);
        Assert.DoesNotContain("UNSET", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--die-with-parent", command);
        Assert.DoesNotContain("/root", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/home", text, StringComparison.Ordinal);
        Assert.EndsWith("-- /usr/lib/postgresql/15/bin/postgres -D /dev/shm/ride-0/s1-primary/data", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/ride/archive", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Mounts_a_size_capped_archive_directory_only_when_asked()
    {
        var jail = new Jail("bwrap", new ServerAccount("me", 1000, 1000, SwitchUser: false), "/tmp/box", "/usr/lib/postgresql/15/bin", archiveBytes: 256L * 1024 * 1024);
        var text = string.Join(' ', jail.CommandLine("postgres", Array.Empty<string>(), new Dictionary<string, string?>(), false, _ => null));
        Assert.Contains("--perms 1777 --size 268435456 --tmpfs /ride/archive", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Brings_in_an_installation_outside_the_system_folders_read_only()
    {
        var jail = new Jail("bwrap", new ServerAccount("me", 1000, 1000, SwitchUser: false), "/tmp/box", "/opt/pgsql-16/bin");
        var text = string.Join(' ', jail.CommandLine("psql", Array.Empty<string>(), new Dictionary<string, string?>(), true, _ => null));
        Assert.StartsWith("bwrap ", text, StringComparison.Ordinal);
        Assert.Contains("--ro-bind /opt/pgsql-16 /opt/pgsql-16", text, StringComparison.Ordinal);
        Assert.Contains("--die-with-parent", text, StringComparison.Ordinal);
    }
}
