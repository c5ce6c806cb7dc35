using Ride.Common;
using Ride.Scoring;
using Xunit;

namespace Ride.Core.Tests;

public sealed class FixScriptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ride-fix-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("\\! touch /tmp/x", "\\!")]
    [InlineData("SELECT 1;\n\\o /tmp/x\nSELECT 2;", "\\o")]
    [InlineData("\\out /tmp/x", "\\out")]
    [InlineData("\\w /tmp/x", "\\w")]
    [InlineData("SELECT 1 \\g |touch /tmp/x", "\\g may not")]
    [InlineData("SELECT 1 \\gx /tmp/out", "\\gx may not")]
    [InlineData("\\copy (SELECT 1) TO '/tmp/x'", "\\copy may only")]
    [InlineData("\\copy t FROM PROGRAM 'id'", "\\copy may only")]
    [InlineData("\\setenv PATH /tmp", "\\setenv")]
    [InlineData("\\cd /tmp", "\\cd")]
    [InlineData("\\echo `id`", "backquoted")]
    [InlineData("\\set x `cat /etc/passwd`", "backquoted")]
    [InlineData("\\lo_import /etc/passwd", "\\lo_import")]
    [InlineData("\\c \"host=10.0.0.1 dbname=x\"", "may name a database")]
    [InlineData("\\connect app_db app_user 10.0.0.1", "may name a database")]
    [InlineData("\\c :target", "may name a database")]
    [InlineData("\\watch 1", "\\watch")]
    [InlineData("\\e", "\\e")]
    public void Refuses_meta_commands_that_reach_outside_the_sandbox(string sql, string reason)
    {
        var error = Assert.Throws<RideException>(() => FixScript.Prepare(sql, _folder));
        Assert.Equal("FixRejected", error.ErrorId);
        Assert.Equal(RideErrorCategory.SecurityError, error.Category);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("A fix may use only these psql meta-commands", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_line_of_the_refused_command()
    {
        var error = Assert.Throws<RideException>(() => FixScript.Prepare("SELECT 1;\nSELECT 2;\n\\! id\n", _folder));
        Assert.Contains("line 3:", error.Message, StringComparison.Ordinal);
        Assert.Equal("line 3", error.Target);
    }

    [Theory]
    [InlineData("\\c app_db\nALTER TABLE orders ADD COLUMN x int;")]
    [InlineData("\\connect tenant_a dba")]
    [InlineData("\\dt+ public.*\n\\d orders\n\\di\n\\dx\n\\l\n\\x\n\\timing on")]
    [InlineData("SELECT count(*) FROM pg_stat_activity \\gx")]
    [InlineData("SELECT 1 AS one \\gset\n\\echo :one\n\\if :one\nSELECT 2;\n\\endif")]
    [InlineData("SELECT format('VACUUM %I', relname) FROM pg_stat_user_tables \\gexec")]
    [InlineData("\\copy (SELECT * FROM orders LIMIT 5) TO STDOUT WITH CSV")]
    [InlineData("\\copy orders (id, status) FROM stdin\n1\tpaid\n\\.")]
    [InlineData("\\pset format aligned\n\\pset null '(null)'")]
    public void Lets_ordinary_investigation_and_fixes_through(string sql)
    {
        var script = FixScript.Prepare(sql, _folder);
        Assert.Equal(sql.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n", script.Text);
    }

    [Theory]
    [InlineData("SELECT '\\! not a command';")]
    [InlineData("SELECT E'it''s \\\\o fine', $$ \\! also text $$;")]
    [InlineData("CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $body$\nSELECT '\\o'\n$body$;")]
    [InlineData("SELECT 1; -- \\! a comment\nSELECT \"col\\o\" FROM t;")]
    [InlineData("/* \\! a\n /* nested \\o */ still comment \\w */ SELECT 1;")]
    public void Ignores_backslashes_inside_strings_identifiers_and_comments(string sql)
    {
        Assert.NotNull(FixScript.Prepare(sql, _folder));
    }

    [Fact]
    public void Inlines_an_include_from_the_fix_folder_and_maps_lines_back()
    {
        File.WriteAllText(Path.Combine(_folder, "part.sql"), "SELECT 'a';\nSELECT 'b';\n");
        var script = FixScript.Prepare("SELECT 0;\n\\ir part.sql\nSELECT 3;", _folder);
        Assert.Equal("SELECT 0;\nSELECT 'a';\nSELECT 'b';\n\nSELECT 3;\n", script.Text);
        Assert.Equal((null, 1), script.Origin(1));
        Assert.Equal(("part.sql", 2), script.Origin(3));
        Assert.Equal((null, 3), script.Origin(5));
    }

    [Fact]
    public void Vets_what_an_include_contains()
    {
        File.WriteAllText(Path.Combine(_folder, "evil.sql"), "SELECT 1;\n\\! id\n");
        var error = Assert.Throws<RideException>(() => FixScript.Prepare("\\i evil.sql", _folder));
        Assert.Contains("evil.sql line 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\i /etc/passwd")]
    [InlineData("\\ir ../outside.sql")]
    [InlineData("\\include_relative missing.sql")]
    public void Refuses_includes_from_outside_the_fix_folder(string sql)
    {
        var error = Assert.Throws<RideException>(() => FixScript.Prepare(sql, _folder));
        Assert.Equal("FixRejected", error.ErrorId);
    }

    [Fact]
    public void Refuses_an_include_that_links_out_of_the_folder()
    {
        File.CreateSymbolicLink(Path.Combine(_folder, "link.sql"), "/etc/passwd");
        Assert.Throws<RideException>(() => FixScript.Prepare("\\i link.sql", _folder));
    }

    [Fact]
    public void Refuses_any_include_in_a_fix_given_as_a_string()
    {
        var error = Assert.Throws<RideException>(() => FixScript.Prepare("\\i part.sql", null));
        Assert.Contains("needs a fix file", error.Message, StringComparison.Ordinal);
    }
}

public sealed class FixStepsTests
{
    [Fact]
    public void Leaves_a_fix_without_directives_as_one_psql_run_of_exactly_what_was_submitted()
    {
        const string sql = "-- just SQL\nSELECT 1;\n";
        var step = Assert.Single(FixSteps.Split(sql));
        Assert.Equal(sql, step.Sql);
        Assert.False(step.IsAction);
    }

    [Fact]
    public void Splits_sql_and_actions_in_order_keeping_the_file_line_numbers()
    {
        var steps = FixSteps.Split("CHECKPOINT;\n-- ride: action fence-old-primary\n\n--  RIDE: action promote-replica replica1\nSELECT 2;\n");
        Assert.Equal(4, steps.Count);
        Assert.Equal("CHECKPOINT;\n", steps[0].Sql);
        Assert.Equal(("fence-old-primary", (string?)null, 2), (steps[1].Action, steps[1].Node, steps[1].Line));
        Assert.Equal(("promote-replica", "replica1", 4), (steps[2].Action, steps[2].Node, steps[2].Line));
        Assert.Equal("\n\n\n\nSELECT 2;\n", steps[3].Sql);
        Assert.Equal(5, steps[3].Line);
    }

    [Fact]
    public void Drops_parts_that_hold_only_comments_between_actions()
    {
        var steps = FixSteps.Split("-- first restart the primary\n-- ride: action start-primary\n-- done\n");
        var step = Assert.Single(steps);
        Assert.Equal("start-primary", step.Action);
    }

    [Theory]
    [InlineData("-- ride: promote\n", 1)]
    [InlineData("SELECT 1;\n-- ride: action Promote-Replica\n", 2)]
    [InlineData("-- ride: action promote-replica replica1 now\n", 1)]
    public void Rejects_a_directive_it_does_not_know_naming_its_line(string sql, int line)
    {
        var error = Assert.Throws<RideException>(() => FixSteps.Split(sql));
        Assert.Equal("FixRejected", error.ErrorId);
        Assert.StartsWith($"Line {line}:", error.Message, StringComparison.Ordinal);
    }
}

public sealed class FixStepNodeTests
{
    [Fact]
    public void Sends_the_sql_after_a_node_directive_to_that_node()
    {
        var steps = FixSteps.Split("SELECT 1;\n-- ride: node replica1\nSELECT pg_wal_replay_resume();\n");
        Assert.Equal(2, steps.Count);
        Assert.Null(steps[0].Node);
        Assert.Equal("replica1", steps[1].Node);
        Assert.Equal("\n\nSELECT pg_wal_replay_resume();\n", steps[1].Sql);
    }
}
