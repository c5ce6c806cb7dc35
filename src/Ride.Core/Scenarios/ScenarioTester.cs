using System.Diagnostics;
using Ride.Common;
using Ride.Engines;
using Ride.Scoring;
using Ride.Sessions;
using Ride.Workload;

namespace Ride.Scenarios;

/// <summary>One expectation of a scenario and how it went.</summary>
public sealed class RideScenarioTestResult
{
    public string ScenarioId { get; init; } = "";
    public EngineKind Engine { get; init; }
    public string Expectation { get; init; } = "";
    public bool Passed { get; init; }
    public string Detail { get; init; } = "";
    public TimeSpan Duration { get; init; }

    public override string ToString() => $"{(Passed ? "PASS" : "FAIL")} {ScenarioId} {Expectation}: {Detail}";
}

/// <summary>
/// What every scenario promises: the incident is live when Start returns, the solution scores full marks in a fresh
/// sandbox, Reset brings back exactly the fresh incident (and it is live again, every time), each trap file springs
/// exactly its trap, and doing nothing fixes nothing. One session serves them all: once Reset is proven to give the
/// fresh state back, the traps and the no-op run after a Reset instead of in sandboxes of their own.
/// </summary>
public sealed class ScenarioTester
{
    public const string NoOpSql = "SELECT 1;";

    /// <summary>How many Resets in a row must each bring a live incident back.</summary>
    public const int ResetsProven = 5;

    /// <summary>How long a look at liveWhen after Start or Reset may wait for it to hold again.</summary>
    public static readonly TimeSpan LiveGrace = TimeSpan.FromSeconds(5);

    private readonly RideContext _context;

    public ScenarioTester(RideContext context) => _context = context;

    /// <summary>
    /// The expectations in the order they run. A quick proof stops after the first Reset: the incident, the no-op, the
    /// solution and one Reset, which is what differs between engines; the other fix files prove the drill's grading.
    /// </summary>
    public static IEnumerable<string> Expectations(RideScenario scenario, bool quick = false)
    {
        yield return "incident-live";
        yield return "no-op-fixes-nothing";
        yield return "solution-scores-full";
        yield return "reset-restores-incident";
        if (quick)
        {
            yield break;
        }

        foreach (var file in Files(scenario, "solutions"))
        {
            yield return "solution:" + Path.GetFileNameWithoutExtension(file);
        }

        foreach (var file in Files(scenario, "graded"))
        {
            yield return "graded:" + Path.GetFileNameWithoutExtension(file);
        }

        foreach (var trap in Files(scenario, "traps"))
        {
            yield return "trap:" + Path.GetFileNameWithoutExtension(trap);
        }
    }

    public async Task<IReadOnlyList<RideScenarioTestResult>> RunAsync(RideScenario scenario, EngineKind engine, bool quick, IProgress<SandboxProgress> progress,
        CancellationToken cancellationToken)
    {
        var results = new List<RideScenarioTestResult>();
        var watch = Stopwatch.StartNew();
        SessionRecord state;
        try
        {
            state = await new SessionLauncher(_context).StartAsync(scenario, engine, null, new Silent(), cancellationToken).ConfigureAwait(false);
        }
        catch (Common.RideException ex)
        {
            return Expectations(scenario, quick).Select(e => Result(scenario, engine, e, false, "the sandbox did not start: " + ex.Message, watch.Elapsed)).ToList();
        }

        try
        {
            var expectations = Expectations(scenario, quick).ToList();
            string? fresh = null;
            IReadOnlyList<bool>? freshPattern = null;
            for (var i = 0; i < expectations.Count; i++)
            {
                var expectation = expectations[i];
                progress.Report(new SandboxProgress($"{expectation} ({i + 1} of {expectations.Count})", 100 * i / expectations.Count));
                watch.Restart();
                (bool Passed, string Detail) outcome;
                try
                {
                    switch (expectation)
                    {
                        case "incident-live":
                            fresh = await SessionFingerprint.TakeAsync(state, scenario.Definition, cancellationToken).ConfigureAwait(false);
                            var score = await new ScoreEvaluator(_context).EvaluateAsync(state, scenario, cancellationToken).ConfigureAwait(false);
                            freshPattern = score.Checks.Select(c => c.Passed).ToList();
                            outcome = await IncidentLiveAsync(state, scenario, score, cancellationToken).ConfigureAwait(false);
                            break;
                        case "no-op-fixes-nothing":
                            // On the fresh incident, before the solution: a fix that changes nothing must not pass a Fix check.
                            outcome = await NoOpAsync(state, cancellationToken).ConfigureAwait(false);
                            break;
                        case "solution-scores-full":
                            outcome = await SolutionAsync(state, scenario, scenario.FilePath(scenario.Definition.Solution), cancellationToken).ConfigureAwait(false);
                            break;
                        case "reset-restores-incident":
                            // The other fixes (solutions, graded, traps) each come after a Reset too: together they make the five in a row.
                            // A quick proof has no other fixes and proves one Reset.
                            var later = expectations.Count - i - 1;
                            var resets = quick ? 1 : Math.Max(1, ResetsProven - later);
                            (state, outcome) = await ResetProvenAsync(state, scenario, fresh, freshPattern, resets, cancellationToken)
                                .ConfigureAwait(false);
                            break;
                        default:
                            state = await ResetAsync(state, scenario, cancellationToken).ConfigureAwait(false);
                            var (live, seen) = await LiveAsync(state, scenario, cancellationToken).ConfigureAwait(false);
                            var name = expectation[(expectation.IndexOf(':', StringComparison.Ordinal) + 1)..];
                            outcome = !live
                                ? (false, "after the Reset before it, liveWhen does not hold: " + seen)
                                : expectation switch
                                {
                                    _ when expectation.StartsWith("solution:", StringComparison.Ordinal) =>
                                        await SolutionAsync(state, scenario, Path.Combine(scenario.Path, "solutions", name + ".sql"), cancellationToken).ConfigureAwait(false),
                                    _ when expectation.StartsWith("graded:", StringComparison.Ordinal) =>
                                        await GradedAsync(state, Path.Combine(scenario.Path, "graded", name + ".sql"), cancellationToken).ConfigureAwait(false),
                                    _ => await TrapAsync(state, scenario, name, cancellationToken).ConfigureAwait(false),
                                };
                            break;
                    }
                }
                catch (Exception ex) when (ex is Common.RideException or Npgsql.NpgsqlException or IOException)
                {
                    outcome = (false, ex.Message);
                }

                results.Add(Result(scenario, state.Engine, expectation, outcome.Passed, outcome.Detail, watch.Elapsed));
            }

            return results;
        }
        finally
        {
            await new SessionTeardown(_context).RemoveAsync(state, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static RideScenarioTestResult Result(RideScenario scenario, EngineKind engine, string expectation, bool passed, string detail, TimeSpan duration) =>
        new() { ScenarioId = scenario.Id, Engine = engine, Expectation = expectation, Passed = passed, Detail = detail, Duration = duration };

    private static IEnumerable<string> Files(RideScenario scenario, string folder)
    {
        var path = Path.Combine(scenario.Path, folder);
        return Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.sql").Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
    }

    private Task<SessionRecord> ResetAsync(SessionRecord state, RideScenario scenario, CancellationToken cancellationToken) =>
        new SessionResetter(_context).ResetAsync(state, new Silent(), cancellationToken);

    /// <summary>liveWhen held when Start returned (Start waits for it); its actors run and the Fix checks are not already passing.</summary>
    private async Task<(bool, string)> IncidentLiveAsync(SessionRecord state, RideScenario scenario, RideScore score, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var log = AppLog.Read(_context.SessionDirectory(state.SessionId));
        foreach (var actor in scenario.Definition.LiveWhen!.ActorsToAwait(scenario.Definition))
        {
            if (!log.Any(e => e.Actor == actor && e.Event == AppLogEvents.Request && e.Time >= state.IncidentAt))
            {
                problems.Add($"actor {actor} recorded no request after the incident");
            }
        }

        var (live, seen) = await LiveAsync(state, scenario, cancellationToken).ConfigureAwait(false);
        if (!live)
        {
            problems.Add("liveWhen does not hold when Start returns: " + seen);
        }

        if (score.Fix == score.FixMax)
        {
            problems.Add("every Fix check already passes before any fix");
        }

        var errors = log.Count(e => !e.Ok && e.Time >= state.IncidentAt);
        return problems.Count == 0
            ? (true, $"live ({seen}), {errors} failed request(s) since the incident, Fix {score.Fix}/{score.FixMax} before any fix")
            : (false, string.Join("; ", problems));
    }

    /// <summary>
    /// The scenario's liveWhen query, now or within <see cref="LiveGrace"/>: Start and Reset wait for it before they
    /// return, and this looks again a moment later, when a condition on sessions that wait and time out in a loop
    /// (a lock queue) can be between two waits.
    /// </summary>
    private static async Task<(bool, string)> LiveAsync(SessionRecord state, RideScenario scenario, CancellationToken cancellationToken)
    {
        var live = scenario.Definition.LiveWhen!;
        var connections = new SessionConnections(state);
        await using var connection = await connections.OpenSystemAsync(live.Database.Length > 0 ? live.Database : ScenarioIds.DefaultDatabase,
            cancellationToken, live.Node).ConfigureAwait(false);
        var seen = "";
        try
        {
            await Poll.UntilAsync("liveWhen", LiveGrace, TimeSpan.FromMilliseconds(50), async token =>
            {
                var (holds, text) = await CheckQuery.RunAsync(connection, live.Sql, token).ConfigureAwait(false);
                seen = text;
                return holds ? PollProbe<bool>.Finished(true) : PollProbe<bool>.Waiting(false, text);
            }, cancellationToken).ConfigureAwait(false);
            return (true, seen);
        }
        catch (PollTimeoutException)
        {
            return (false, seen);
        }
    }

    private Task<RideSubmission> SubmitFileAsync(SessionRecord state, string path, CancellationToken cancellationToken) =>
        new FixRunner(_context).SubmitAsync(state, File.ReadAllText(path), path, ScenarioIds.DefaultDatabase, 60, cancellationToken);

    private async Task<(bool, string)> SolutionAsync(SessionRecord state, RideScenario scenario, string path, CancellationToken cancellationToken)
    {
        var submission = await SubmitFileAsync(state, path, cancellationToken).ConfigureAwait(false);
        var score = submission.Score!;
        if (!submission.Succeeded)
        {
            return (false, $"{Path.GetFileName(path)} failed at line {submission.ErrorLine}: {submission.ErrorMessage}");
        }

        var missed = score.Checks.Where(c => !c.Passed).Select(c => $"{c.Category}/{c.Name} ({c.Evidence})").ToList();
        return score.Total == score.Max
            ? (true, $"{score.Total}/{score.Max}")
            : (false, $"{score.Total}/{score.Max}; missed: {string.Join("; ", missed)}");
    }

    /// <summary>
    /// Reset after the solution gives back the fresh incident: the same schema, roles and settings, the same checks
    /// passing and failing, liveWhen holding the moment Reset returns; and so again for as many Resets as asked.
    /// </summary>
    private async Task<(SessionRecord, (bool, string))> ResetProvenAsync(SessionRecord state, RideScenario scenario, string? fresh,
        IReadOnlyList<bool>? freshPattern, int resets, CancellationToken cancellationToken)
    {
        for (var round = 1; round <= resets; round++)
        {
            state = await ResetAsync(state, scenario, cancellationToken).ConfigureAwait(false);
            var (live, seen) = await LiveAsync(state, scenario, cancellationToken).ConfigureAwait(false);
            if (!live)
            {
                return (state, (false, $"after Reset {round}, liveWhen does not hold: {seen}"));
            }

            if (round > 1)
            {
                continue;
            }

            var now = await SessionFingerprint.TakeAsync(state, scenario.Definition, cancellationToken).ConfigureAwait(false);
            if (fresh is not null && now != fresh)
            {
                return (state, (false, "Reset does not give back the fresh sandbox: " + string.Join("; ", SessionFingerprint.Difference(fresh, now))));
            }

            var score = await new ScoreEvaluator(_context).EvaluateAsync(state, scenario, cancellationToken).ConfigureAwait(false);
            var pattern = score.Checks.Where(c => c.Name != ScoreCard.TamperingCheck).Select(c => c.Passed).ToList();
            if (freshPattern is not null && !pattern.SequenceEqual(freshPattern))
            {
                var differing = score.Checks.Where((c, i) => i < freshPattern.Count && c.Passed != freshPattern[i]).Select(c => $"{c.Category}/{c.Name}");
                return (state, (false, "after Reset these checks score differently from a fresh start: " + string.Join(", ", differing)));
            }
        }

        return (state, (true, $"the fresh incident back after Reset, live when each of {resets} Reset(s) returned (with the Resets before the later fixes: {ResetsProven} or more in a row)"));
    }

    /// <summary>A partial fix scores what a careful grader gave it: the Detect, Fix and Trap points its first line states.</summary>
    private async Task<(bool, string)> GradedAsync(SessionRecord state, string path, CancellationToken cancellationToken)
    {
        var expected = GradedFix.Expected(File.ReadLines(path).FirstOrDefault() ?? "");
        if (expected is not { } grade)
        {
            return (false, $"{Path.GetFileName(path)} does not start with its grade, e.g. '-- grade: detect 20, fix 40, trap 20'");
        }

        var score = (await SubmitFileAsync(state, path, cancellationToken).ConfigureAwait(false)).Score!;
        var got = (score.Detect, score.Fix, score.Trap);
        var detail = $"detect {score.Detect}, fix {score.Fix}, trap {score.Trap}";
        return got == grade
            ? (true, detail)
            : (false, $"{detail}; the grader gave detect {grade.Detect}, fix {grade.Fix}, trap {grade.Trap}. Checks: "
                      + string.Join("; ", score.Checks.Where(c => c.Points != 0 || c.MaxPoints != 0 || !c.Passed).Select(c => $"{c.Name}={c.Points} ({c.Evidence})")));
    }

    private async Task<(bool, string)> TrapAsync(SessionRecord state, RideScenario scenario, string trap, CancellationToken cancellationToken)
    {
        var submission = await SubmitFileAsync(state, Path.Combine(scenario.Path, "traps", trap + ".sql"), cancellationToken).ConfigureAwait(false);
        var score = submission.Score!;
        var check = score.Checks.FirstOrDefault(c => c.Category == CheckCategory.Trap && c.Name == trap);
        if (check is null)
        {
            return (false, $"no trap check is named '{trap}'");
        }

        var others = score.Checks.Where(c => c.Category == CheckCategory.Trap && c.Name != trap && !c.Passed).Select(c => c.Name).ToList();
        if (check.Passed)
        {
            return (false, $"traps/{trap}.sql did not spring its trap ({check.Evidence})"
                           + (submission.Succeeded ? "" : $"; the file failed at line {submission.ErrorLine}: {submission.ErrorMessage}"));
        }

        return others.Count == 0
            ? (true, $"lost {check.MaxPoints} point(s): {check.Evidence}")
            : (false, $"also sprang: {string.Join(", ", others)}");
    }

    private async Task<(bool, string)> NoOpAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        var submission = await new FixRunner(_context).SubmitAsync(state, NoOpSql, null, ScenarioIds.DefaultDatabase, 60, cancellationToken).ConfigureAwait(false);
        var score = submission.Score!;
        return score.Fix == 0
            ? (true, $"Fix 0/{score.FixMax}")
            : (false, $"Fix {score.Fix}/{score.FixMax} without a fix: {string.Join(", ", score.Checks.Where(c => c.Category == CheckCategory.Fix && c.Passed).Select(c => c.Name))}");
    }

    /// <summary>The sandbox's own boot progress is not shown while testing: the expectations are the progress.</summary>
    private sealed class Silent : IProgress<SandboxProgress>
    {
        public void Report(SandboxProgress value)
        {
        }
    }
}
