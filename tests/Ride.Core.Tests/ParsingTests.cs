using Ride.Engines;
using Ride.Engines.Docker;
using Ride.Workload;
using Xunit;

namespace Ride.Core.Tests;

public sealed class PsqlErrorTests
{
    [Fact]
    public void Finds_the_first_error_and_its_line()
    {
        var error = PsqlError.Parse("psql:<stdin>:4: ERROR:  column \"nope\" does not exist\nLINE 1: SELECT nope;\n               ^\n");
        Assert.NotNull(error);
        Assert.Equal(4, error.Line);
        Assert.Equal("column \"nope\" does not exist", error.Message);
        Assert.StartsWith("psql:<stdin>:4: ERROR:", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_lock_timeout_as_what_it_is()
    {
        var error = PsqlError.Parse("psql:<stdin>:2: ERROR:  canceling statement due to lock timeout\n");
        Assert.Equal("canceling statement due to lock timeout", error!.Message);
    }

    [Fact]
    public void Falls_back_to_a_line_without_position()
    {
        var error = PsqlError.Parse("psql: error: connection to server on socket failed: FATAL:  role \"x\" does not exist\n");
        Assert.NotNull(error);
        Assert.Null(error.Line);
        Assert.Contains("role \"x\" does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Has_nothing_to_say_about_clean_output() => Assert.Null(PsqlError.Parse("  \n"));
}

public sealed class ServerLogParserTests
{
    [Fact]
    public void Parses_the_prefix_and_folds_continuation_lines()
    {
        var lines = ServerLogParser.Parse(new[]
        {
            "2026-12-02 10:00:01.123 UTC [42] [client backend] app_user@app_db app=old_app_v1.8 ERROR:  column \"legacy_status\" does not exist at character 12",
            "2026-12-02 10:00:01.123 UTC [42] [client backend] app_user@app_db app=old_app_v1.8 STATEMENT:  SELECT id, legacy_status",
            "\tFROM orders",
        });
        Assert.Equal(2, lines.Count);
        var error = lines[0];
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 1, 123, TimeSpan.Zero), error.Time);
        Assert.Equal(42, error.Pid);
        Assert.Equal("app_user", error.User);
        Assert.Equal("app_db", error.Database);
        Assert.Equal("old_app_v1.8", error.ApplicationName);
        Assert.Equal("client backend", error.BackendType);
        Assert.Equal("ERROR", error.Level);
        Assert.True(ServerLogParser.IsError(error.Level));
        Assert.Equal("SELECT id, legacy_status\nFROM orders", lines[1].Message);
    }

    [Fact]
    public void Every_line_says_who_logged_it()
    {
        var lines = ServerLogParser.Parse(new[]
        {
            "The files belonging to this database system will be owned by user \"postgres\".",
            "2026-12-02 10:00:00.000 UTC [1] [postmaster] @ app= LOG:  starting PostgreSQL 15.8",
            "2026-12-02 10:00:02.000 UTC [7] [checkpointer] @ app= LOG:  checkpoint starting: time",
            "2026-12-02 10:00:03.000 UTC [50] [client backend] [unknown]@[unknown] app=[unknown] LOG:  connection received: host=127.0.0.1 port=5000",
            "2026-12-02 10:00:03.010 UTC [50] [client backend] app_user@app_db app=[unknown] LOG:  connection authorized: user=app_user database=app_db",
            "2026-12-02 10:00:03.020 UTC [50] [client backend] app_user@app_db app=checkout_api ERROR:  relation \"x\" does not exist",
            "2026-12-02 10:00:04.000 UTC [51] [client backend] [unknown]@[unknown] app=[unknown] LOG:  incomplete startup packet",
            "2026-12-02 10:00:05.000 UTC [52] [client backend] psql_user@app_db app= LOG:  statement: SELECT 1",
        });
        Assert.Equal((ServerLogParser.ServerUser, ServerLogParser.Console), (lines[0].User, lines[0].ApplicationName));
        Assert.Equal((ServerLogParser.ServerUser, "postmaster"), (lines[1].User, lines[1].ApplicationName));
        Assert.Equal((ServerLogParser.ServerUser, "checkpointer"), (lines[2].User, lines[2].ApplicationName));
        Assert.Equal(("app_user", "app_db", "checkout_api"), (lines[3].User, lines[3].Database, lines[3].ApplicationName));
        Assert.Equal(("app_user", "checkout_api"), (lines[4].User, lines[4].ApplicationName));
        Assert.Equal((ServerLogParser.UnknownClient, ServerLogParser.UnknownClient), (lines[6].User, lines[6].ApplicationName));
        Assert.Equal(("psql_user", ""), (lines[7].User, lines[7].ApplicationName));
        Assert.All(lines, l => Assert.NotNull(l.User));
    }

    [Theory]
    [InlineData("logging memory contexts of PID 17", true)]
    [InlineData("level: 1; CacheMemoryContext: 524288 total in 7 blocks; 90304 free (0 chunks); 433984 used", true)]
    [InlineData("Grand total: 1238576 bytes in 204 blocks; 437720 free (190 chunks); 800856 used", true)]
    [InlineData("checkpoint complete", false)]
    public void Knows_what_Ride_itself_made_the_server_log(string message, bool noise) =>
        Assert.Equal(noise, ServerLogParser.IsRideNoise(new ServerLogLine(null, 1, null, null, null, "LOG", message)));
}

public sealed class DockerImageTests
{
    [Theory]
    [InlineData("postgres:15", "postgres", "15")]
    [InlineData("postgres", "postgres", "latest")]
    [InlineData("127.0.0.1:5999/team/postgres:15.4", "127.0.0.1:5999/team/postgres", "15.4")]
    [InlineData("localhost:5000/postgres", "localhost:5000/postgres", "latest")]
    [InlineData("postgres@sha256:abc", "postgres@sha256:abc", "")]
    public void Splits_names_and_tags_for_the_pull_api(string image, string name, string tag) =>
        Assert.Equal((name, tag), DockerImages.Split(image));
}

public sealed class ServerSettingsTests
{
    [Fact]
    public void Adds_Rides_reserve_without_changing_what_applications_may_use()
    {
        var settings = ServerSettings.For(new Dictionary<string, string> { ["max_connections"] = "30", ["work_mem"] = "64kB" });
        Assert.Equal("34", settings["max_connections"]);
        Assert.Equal("7", settings["superuser_reserved_connections"]);
        Assert.Equal(30 - 3, int.Parse(settings["max_connections"]) - int.Parse(settings["superuser_reserved_connections"]));
        Assert.Equal("64kB", settings["work_mem"]);
        Assert.Equal("pg_stat_statements", settings["shared_preload_libraries"]);
    }
}
