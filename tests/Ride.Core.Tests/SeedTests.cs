using Ride.Engines;
using Ride.Engines.Local;
using Ride.Sessions;
using Xunit;

namespace Ride.Core.Tests;

public sealed class SeedTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ride-seed-key-").FullName;

    public SeedTests()
    {
        File.WriteAllText(Path.Combine(_folder, "scenario.yml"), "id: stage-00/01-x\n");
        File.WriteAllText(Path.Combine(_folder, "setup.sql"), "CREATE TABLE t (id int);\n");
        Directory.CreateDirectory(Path.Combine(_folder, "graded"));
        File.WriteAllText(Path.Combine(_folder, "graded", "trap.sql"), "SELECT 1;\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(742L, 1_500_000_000L, 0u, 1_500_512_256u, "0597")]
    [InlineData(1_048_576L, 1_048_576L, 0u, 2_097_152u, "0002")]
    [InlineData((3L << 32) + 5, 1_000_000L, 3u, 1_048_576u, "0001")]
    public void Ages_a_seed_to_the_start_of_a_fresh_pg_xact_segment(long current, long age, uint epoch, uint next, string segment)
    {
        var target = TransactionAgeing.TargetFor(current, age);
        Assert.Equal(new TransactionAgeing.Target(epoch, next, segment), target);
        Assert.True(((long)target.Epoch << 32) + target.TransactionId >= current + age, "the age is never less than asked");
        Assert.Equal(
            $"pg_resetwal -e {epoch} -x {next} \"$PGDATA\" && dd if=/dev/zero of=\"$PGDATA/pg_xact/{segment}\" bs=262144 count=1 2>/dev/null",
            TransactionAgeing.ScriptFor(target));
    }

    [Fact]
    public void Seeds_with_little_WAL_and_no_archiving_whatever_the_drill_sets()
    {
        var seeding = ServerSettings.ForSeeding(new Dictionary<string, string> { ["archive_mode"] = "on", ["max_wal_size"] = "4GB", ["work_mem"] = "64MB" });
        Assert.Equal("off", seeding["archive_mode"]);
        Assert.Equal("64MB", seeding["max_wal_size"]);
        Assert.Equal("64MB", seeding["work_mem"]);
    }

    [Fact]
    public void A_scenario_keeps_its_seed_key_while_nothing_changes()
    {
        Assert.Equal(ScenarioSeed.KeyFor(_folder, "ride_system"), ScenarioSeed.KeyFor(_folder, "ride_system"));
    }

    [Theory]
    [InlineData("setup.sql")]
    [InlineData("scenario.yml")]
    [InlineData("graded/trap.sql")]
    public void Any_changed_file_gives_a_new_seed_key(string file)
    {
        var before = ScenarioSeed.KeyFor(_folder, "ride_system");
        File.AppendAllText(Path.Combine(_folder, file), "-- changed\n");
        Assert.NotEqual(before, ScenarioSeed.KeyFor(_folder, "ride_system"));
    }

    [Fact]
    public void A_new_file_a_renamed_file_and_another_superuser_give_new_seed_keys()
    {
        var before = ScenarioSeed.KeyFor(_folder, "ride_system");
        Assert.NotEqual(before, ScenarioSeed.KeyFor(_folder, "someone_else"));

        File.Move(Path.Combine(_folder, "graded", "trap.sql"), Path.Combine(_folder, "graded", "trap2.sql"));
        var renamed = ScenarioSeed.KeyFor(_folder, "ride_system");
        Assert.NotEqual(before, renamed);

        File.WriteAllText(Path.Combine(_folder, "hints.md"), "");
        Assert.NotEqual(renamed, ScenarioSeed.KeyFor(_folder, "ride_system"));
    }

    [Fact]
    public void A_seed_is_named_after_its_scenario_and_keyed_per_installation()
    {
        var seed = new SeedRequest { Key = "k", Label = "stage-01/01-missing-index", SeedAsync = (_, _, _, _) => Task.CompletedTask };
        Assert.Equal("stage-01-01-missing-index", seed.Slug);
        Assert.Matches("^[0-9a-f]{16}$", seed.KeyOn("pg-1"));
        Assert.Equal(seed.KeyOn("pg-1"), seed.KeyOn("pg-1"));
        Assert.NotEqual(seed.KeyOn("pg-1"), seed.KeyOn("pg-2"));
    }

    [Theory]
    [InlineData(8L << 30, 0L, true)]
    [InlineData(8L << 30, 3L << 30, true)]
    [InlineData(8L << 30, 4L << 30, false)]
    [InlineData(1L << 29, 0L, false)]
    public void A_sandbox_goes_to_memory_only_when_its_data_can_double_there_and_a_gigabyte_stays_free(long free, long data, bool fits)
    {
        Assert.Equal(fits, SandboxFolders.FitsInMemory(free, data));
    }
}
