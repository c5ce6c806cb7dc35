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
