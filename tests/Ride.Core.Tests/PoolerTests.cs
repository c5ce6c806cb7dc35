using Ride.Engines;
using Ride.Workload;
using Xunit;

namespace Ride.Core.Tests;

public sealed class PoolerTests
{
    private static readonly PgBouncer.Layout LocalLayout = new("/sandbox/run", new Endpoint("/primary/run", 5432), "/sandbox");
    private static readonly PgBouncer.Layout DockerLayout = new(null, new Endpoint("primary", 5432), "/etc/ride-pgbouncer");

    [Fact]
    public void Sends_every_database_to_the_fronted_node_and_makes_the_operator_the_only_admin()
    {
        var ini = PgBouncer.Ini(DockerLayout, new Dictionary<string, string>(), "dba");
        Assert.Contains("* = host=primary port=5432\n", ini.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("admin_users = dba", ini, StringComparison.Ordinal);
        Assert.Contains("stats_users =" + Environment.NewLine, ini, StringComparison.Ordinal);
        Assert.Contains("auth_file = /etc/ride-pgbouncer/userlist.txt", ini, StringComparison.Ordinal);
        Assert.Contains("listen_addr = *", ini, StringComparison.Ordinal);
        Assert.Contains("listen_port = 6432", ini, StringComparison.Ordinal);
    }

    [Fact]
    public void Listens_on_its_socket_alone_on_Local()
    {
        var ini = PgBouncer.Ini(LocalLayout, new Dictionary<string, string>(), "dba").ReplaceLineEndings("\n");
        Assert.Contains("listen_addr =\n", ini, StringComparison.Ordinal);
        Assert.Contains("unix_socket_dir = /sandbox/run\n", ini, StringComparison.Ordinal);
        Assert.Contains("* = host=/primary/run port=5432\n", ini, StringComparison.Ordinal);
    }

    [Fact]
    public void Takes_the_scenario_pool_settings_over_its_defaults_once_each()
    {
        var ini = PgBouncer.Ini(DockerLayout, new Dictionary<string, string> { ["default_pool_size"] = "3", ["pool_mode"] = "transaction" }, "dba");
        var lines = ini.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(new[] { "default_pool_size = 3" }, lines.Where(l => l.StartsWith("default_pool_size", StringComparison.Ordinal)));
        Assert.Equal(new[] { "pool_mode = transaction" }, lines.Where(l => l.StartsWith("pool_mode", StringComparison.Ordinal)));
        Assert.Contains("query_wait_timeout = 30", lines);
    }

    [Fact]
    public void Quotes_users_and_passwords_as_PgBouncer_reads_them()
    {
        var users = PgBouncer.Users(new Dictionary<string, string> { ["dba"] = "pa\"ss", ["app_user"] = "secret" }).ReplaceLineEndings("\n");
        Assert.Equal("\"app_user\" \"secret\"\n\"dba\" \"pa\"\"ss\"\n", users);
    }

    [Theory]
    [InlineData("transaction", true)]
    [InlineData("DISCARD ALL", true)]
    [InlineData("session\nadmin_users = x", false)]
    [InlineData("x ; y", false)]
    [InlineData("[pgbouncer]", false)]
    [InlineData("", false)]
    public void Accepts_only_plain_one_line_values(string value, bool plain) => Assert.Equal(plain, PgBouncer.IsPlainValue(value));

    [Fact]
    public void Reads_console_queries_as_the_admin_s_statements_and_drops_the_debug_chatter()
    {
        var lines = PoolerLogParser.Parse(new[]
        {
            "2026-12-03 09:08:41.568 UTC [23982] LOG C-0x55d0deb11380: pgbouncer/dba@unix(23985):6432 login attempt: db=pgbouncer user=dba tls=no",
            "2026-12-03 09:08:41.571 UTC [23982] DEBUG C-0x55d0deb11380: pgbouncer/dba@unix(23985):6432 stored secret = \"secret\"",
            "2026-12-03 09:08:41.577 UTC [23982] DEBUG got admin query: SHOW POOLS",
            "2026-12-03 09:08:42.000 UTC [23982] WARNING C-0x55d0deb11999: app_db/app_user@10.0.0.5:40000 pooler error: query_wait_timeout",
            "2026-12-03 09:08:40.517 UTC [23982] LOG process up: PgBouncer 1.18.0",
        }, "dba");
        Assert.Equal(4, lines.Count);
        Assert.DoesNotContain(lines, l => l.Message.Contains("secret", StringComparison.Ordinal));
        var look = lines[1];
        Assert.Equal(("dba", "pgbouncer", "LOG", "statement: SHOW POOLS"), (look.User, look.Database, look.Level, look.Message));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 9, 8, 41, 577, TimeSpan.Zero), look.Time);
        Assert.Equal(("app_user", "app_db", "WARNING", "pooler error: query_wait_timeout"), (lines[2].User, lines[2].Database, lines[2].Level, lines[2].Message));
        Assert.Equal("pgbouncer", lines[3].BackendType);

        var statements = Ride.Scoring.OperatorStatements.From(lines, "dba", "pooler1", null);
        Assert.Equal("SHOW POOLS", Assert.Single(statements).Text);
        Assert.True(statements[0].IsRead);
    }
}
