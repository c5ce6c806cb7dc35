using Ride.Common;
using Ride.FrontDoor;
using Xunit;

namespace Ride.Core.Tests;

public sealed class RideCommandLineTests
{
    private static readonly RideVerb Start = new("start", "Start-RideScenario", "<scenario-id> [--engine docker|local]", "boot")
    {
        Positional = "Id",
        PositionalRequired = true,
        Flags = new[] { new RideFlag("engine", "Engine", null) },
    };

    private static readonly RideVerb Activity = new("activity", "Get-RideActivity", "[app-pattern...]", "who blocks whom")
    {
        Positional = "ApplicationName",
        PositionalMany = true,
    };

    private static readonly RideVerb Hint = new("hint", "Get-RideHint", "[--all]", "hint") { Flags = new[] { new RideFlag("all", "All", "on") } };

    private static readonly (string Name, string[] Aliases, bool IsSwitch)[] Parameters =
    {
        ("Session", new[] { "SessionId" }, false),
        ("Source", Array.Empty<string>(), false),
        ("Force", Array.Empty<string>(), true),
        ("Image", Array.Empty<string>(), false),
    };

    private static CommandParameter? Find(string name) =>
        RideCommandLine.Resolve(Parameters.Select(p => Tuple.Create(p.Name, p.Aliases, p.IsSwitch)), name, p => p.Item1, p => p.Item2) is { } found
            ? new CommandParameter(found.Item1, found.Item3)
            : null;

    [Fact]
    public void Binds_the_catalogs_launch_line_verbatim()
    {
        var bound = RideCommandLine.Bind(Start, new[] { "stage-09/05-backward-incompatible-migration", "--engine", "docker" }, Find);
        Assert.Equal("stage-09/05-backward-incompatible-migration", bound["Id"]);
        Assert.Equal("docker", bound["Engine"]);
        Assert.Equal("local", RideCommandLine.Bind(Start, new[] { "x", "--engine=local" }, Find)["Engine"]);
    }

    [Fact]
    public void Passes_the_cmdlets_own_parameters_through_by_name_alias_or_prefix()
    {
        var bound = RideCommandLine.Bind(Start, new[] { "x", "-Im", "ride-test/postgres:15", "-sessionid", "abc", "-Force" }, Find);
        Assert.Equal("ride-test/postgres:15", bound["Image"]);
        Assert.Equal("abc", bound["Session"]);
        Assert.Equal(true, bound["Force"]);
        Assert.Equal(false, RideCommandLine.Bind(Hint, new[] { "-Force:", "False" }, Find)["Force"]);
    }

    [Fact]
    public void Gathers_several_bare_words_where_the_verb_takes_many()
    {
        Assert.Equal(new[] { "old_app*", "new_app*" }, RideCommandLine.Bind(Activity, new[] { "old_app*", "new_app*" }, Find)["ApplicationName"]);
        Assert.Equal("on", RideCommandLine.Bind(Hint, new[] { "--all" }, Find)["All"]);
    }

    [Theory]
    [InlineData(new[] { "--nope" }, "has no option '--nope'")]
    [InlineData(new[] { "x", "--engine" }, "'--engine' needs a value")]
    [InlineData(new[] { "x", "y" }, "takes one argument, but was given 2")]
    [InlineData(new[] { "--engine", "docker" }, "needs <scenario-id>")]
    [InlineData(new[] { "x", "-Bogus", "1" }, "has no parameter -Bogus")]
    [InlineData(new[] { "x", "-Force:", "maybe" }, "takes True or False")]
    public void Explains_what_was_wrong_and_how_to_call_it(string[] words, string message)
    {
        var error = Assert.Throws<RideException>(() => RideCommandLine.Bind(Start, words, Find));
        Assert.Equal("InvalidRideArgument", error.ErrorId);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("Usage: ride postgres start <scenario-id>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_verb_without_arguments_refuses_one()
    {
        var score = new RideVerb("score", "Get-RideScore", "", "now");
        Assert.Contains("takes no argument", Assert.Throws<RideException>(() => RideCommandLine.Bind(score, new[] { "x" }, Find)).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_lists_every_verb_with_its_cmdlet()
    {
        var usage = RideCommandLine.Usage(new[] { Start, Activity, Hint });
        Assert.Contains("Usage: ride postgres <verb> [arguments]", usage, StringComparison.Ordinal);
        Assert.Contains("start <scenario-id> [--engine docker|local]", usage, StringComparison.Ordinal);
        Assert.Contains("Get-RideActivity", usage, StringComparison.Ordinal);
        Assert.True(RideCommandLine.IsHelp("--HELP"));
    }
}
