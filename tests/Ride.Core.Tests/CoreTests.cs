using System.Collections;
using Ride.Common;
using Ride.Engines;
using Ride.Scoring;
using Ride.Sessions;
using Xunit;

namespace Ride.Core.Tests;

public sealed class ScoreCardTests
{
    private static RideCheck Check(CheckCategory category, string name, int max, bool passed) =>
        new() { Category = category, Name = name, MaxPoints = max, Points = passed ? max : 0, Passed = passed, Evidence = "seen" };

    [Fact]
    public void Adds_up_each_category_and_passes_when_fix_and_trap_all_pass()
    {
        var score = ScoreCard.Total("s", "x", new[]
        {
            Check(CheckCategory.Detect, "d1", 20, true),
            Check(CheckCategory.Detect, "d2", 20, false),
            Check(CheckCategory.Fix, "f1", 40, true),
            Check(CheckCategory.Trap, "t1", 20, true),
        }, hintsUsed: 2, submission: 1, DateTimeOffset.UnixEpoch);
        Assert.Equal((20, 40, 40, 40, 20, 20), (score.Detect, score.DetectMax, score.Fix, score.FixMax, score.Trap, score.TrapMax));
        Assert.Equal(80, score.Total);
        Assert.Equal(100, score.Max);
        Assert.Equal(80.0, score.Percent);
        Assert.True(score.Passed);
        Assert.Equal(2, score.HintsUsed);
    }

    [Fact]
    public void A_failed_fix_check_fails_the_score_but_a_missed_detect_does_not()
    {
        var score = ScoreCard.Total("s", "x", new[] { Check(CheckCategory.Detect, "d", 40, false), Check(CheckCategory.Fix, "f", 40, false) }, 0, 1,
            DateTimeOffset.UnixEpoch);
        Assert.False(score.Passed);
    }

    [Fact]
    public void Tampering_with_Ride_forfeits_every_trap_point()
    {
        var score = ScoreCard.Total("s", "x", new[]
        {
            Check(CheckCategory.Fix, "f", 40, true),
            Check(CheckCategory.Trap, "t1", 12, true),
            Check(CheckCategory.Trap, "t2", 8, true),
            Check(CheckCategory.Trap, ScoreCard.TamperingCheck, 0, false),
        }, 0, 1, DateTimeOffset.UnixEpoch);
        Assert.Equal(0, score.Trap);
        Assert.Equal(20, score.TrapMax);
        Assert.Equal(40, score.Fix);
        Assert.False(score.Passed);
        Assert.All(score.Checks.Where(c => c.Name is "t1" or "t2"), c => Assert.Contains("forfeited", c.Evidence, StringComparison.Ordinal));
    }
}

public sealed class WildcardTests
{
    [Theory]
    [InlineData("old_app*", "old_app_v1.8", true)]
    [InlineData("old_app*", "new_app_v2.0", false)]
    [InlineData("stage-0?/05", "stage-09/05", true)]
    [InlineData("STAGE-09*", "stage-09/05-backward", true)]
    [InlineData("app[ab]_db", "appb_db", true)]
    [InlineData("app[ab]_db", "appc_db", false)]
    [InlineData("a`*b", "a*b", true)]
    [InlineData("a`*b", "axb", false)]
    [InlineData("plain", "plain", true)]
    public void Matches_like_PowerShell(string pattern, string text, bool expected) => Assert.Equal(expected, new Wildcard(pattern).IsMatch(text));

    [Theory]
    [InlineData("stage-09/*", true)]
    [InlineData("stage-09/05", false)]
    [InlineData("a`*", false)]
    public void Knows_a_pattern_from_a_name(string text, bool expected) => Assert.Equal(expected, Wildcard.HasWildcards(text));
}

public sealed class RideOptionsTests
{
    [Fact]
    public void Reads_every_setting_once_from_the_variables()
    {
        var options = RideOptions.FromVariables(new Hashtable
        {
            ["RIDE_HOME"] = "/tmp/ride-home",
            ["RIDE_SCENARIO_PATH"] = "/a:/b",
            ["RIDE_IMAGE"] = " ride-test/postgres:15 ",
            ["RIDE_PORT"] = "15432",
            ["RIDE_ACTORS_RUNTIME"] = "DotNet",
            ["DOCKER_HOST"] = "unix:///run/x.sock",
            ["PATH"] = "/usr/bin:/bin",
        });
        Assert.Equal("/tmp/ride-home", options.Home);
        Assert.Equal(new[] { "/a", "/b" }, options.ScenarioPaths);
        Assert.Equal("ride-test/postgres:15", options.Image);
        Assert.Equal(15432, options.PreferredPort);
        Assert.True(options.ForceDotnetActors);
        Assert.Equal("unix:///run/x.sock", options.DockerHost);
        Assert.Equal("/tmp/ride-home/sessions/abc", options.SessionDirectory("abc"));
    }

    [Theory]
    [InlineData("80")]
    [InlineData("70000")]
    [InlineData("next")]
    public void Refuses_a_port_that_cannot_be_used(string port)
    {
        var error = Assert.Throws<RideException>(() => RideOptions.FromVariables(new Hashtable { ["RIDE_HOME"] = "/tmp/x", ["RIDE_PORT"] = port }));
        Assert.Equal("InvalidPort", error.ErrorId);
        Assert.Contains("RIDE_PORT", error.Message, StringComparison.Ordinal);
    }
}

public sealed class PollTests
{
    [Fact]
    public async Task Returns_the_value_once_the_probe_is_done()
    {
        var calls = 0;
        var value = await Poll.UntilAsync("three calls", TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(1),
            () => ++calls >= 3 ? PollProbe<int>.Finished(calls) : PollProbe<int>.Waiting(calls, $"{calls} calls"), CancellationToken.None);
        Assert.Equal(3, value);
    }

    [Fact]
    public async Task Says_what_it_waited_for_and_what_it_saw_last()
    {
        var error = await Assert.ThrowsAsync<PollTimeoutException>(() => Poll.UntilAsync("the moon", TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(5),
            () => PollProbe<bool>.Waiting(false, "clouds"), CancellationToken.None));
        Assert.Contains("the moon", error.Message, StringComparison.Ordinal);
        Assert.Contains("last seen: clouds", error.Message, StringComparison.Ordinal);
        Assert.Equal("the moon", error.Timeout.Awaited);
    }

    [Fact]
    public async Task Stops_when_cancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Poll.UntilAsync("forever", TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(5),
            () => PollProbe<bool>.Waiting(false, ""), cancel.Token));
    }
}

public sealed class TopologyTests
{
    private static SessionRecord Session() => new()
    {
        SessionId = "s1",
        Nodes = new List<NodeRecord>
        {
            new() { Name = "old", Role = NodeRole.Replica, Port = 1 },
            new() { Name = "new", Role = NodeRole.Primary, Port = 2 },
        },
        SuperPassword = "su",
        OperatorPassword = "op",
        RolePasswords = new Dictionary<string, string> { ["app_user"] = "app" },
    };

    [Fact]
    public void Finds_the_primary_by_role_not_by_position()
    {
        var state = Session();
        Assert.Equal("new", state.Primary.Name);
        Assert.Equal("new", state.Node(null).Name);
        Assert.Equal("old", state.Node("OLD").Name);
        state.Nodes[0].Role = NodeRole.Primary;
        state.Nodes[1].Role = NodeRole.Replica;
        Assert.Equal("old", state.Primary.Name);
    }

    [Fact]
    public void Names_the_nodes_when_one_is_missing()
    {
        var error = Assert.Throws<RideException>(() => Session().Node("pooler"));
        Assert.Equal("NodeNotFound", error.ErrorId);
        Assert.Contains("old, new", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Knows_every_password_it_made()
    {
        var state = Session();
        Assert.Equal("su", state.PasswordOf("ride_system"));
        Assert.Equal("op", state.PasswordOf("dba"));
        Assert.Equal("app", state.PasswordOf("app_user"));
        Assert.Equal("RoleNotFound", Assert.Throws<RideException>(() => state.PasswordOf("nobody")).ErrorId);
    }

    [Fact]
    public void Connects_Ride_through_the_socket_when_there_is_one()
    {
        var local = new NodeRecord { Host = "127.0.0.1", Port = 40001, SocketDirectory = "/dev/shm/ride-0/x/run", ServerPort = 5432 };
        Assert.Equal(new Endpoint("/dev/shm/ride-0/x/run", 5432), local.RideEndpoint);
        Assert.Equal(new Endpoint("127.0.0.1", 40001), local.OperatorEndpoint);
        var docker = new NodeRecord { Host = "127.0.0.1", Port = 40002 };
        Assert.Equal(new Endpoint("127.0.0.1", 40002), docker.RideEndpoint);
    }
}
