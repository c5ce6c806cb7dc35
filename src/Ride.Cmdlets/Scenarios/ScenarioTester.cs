using Ride.Sandbox;
using Ride.Scoring;
using Ride.Sessions;
using Ride.Workload;

namespace Ride.Scenarios;

/// <summary>One expectation of a scenario, proved in its own fresh session.</summary>
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
/// What every scenario promises: the incident is live after Start, the solution scores full marks,
/// each trap file springs exactly its trap, and doing nothing fixes nothing.
/// </summary>
public static class ScenarioTester
{
    public const string NoOpSql = "SELECT 1;";

    public static IEnumerable<string> Expectations(RideScenario scenario)
    {
        yield return "incident-live";
        yield return "solution-scores-full";
        foreach (var trap in TrapFiles(scenario))
        {
            yield return "trap:" + Path.GetFileNameWithoutExtension(trap);
        }

        yield return "no-op-fixes-nothing";
    }

    public static async Task<RideScenarioTestResult> RunAsync(RideScenario scenario, EngineKind engine, string expectation,
        IProgress<SandboxProgress> progress, CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var state = await SessionManager.StartAsync(scenario, engine, null, progress, cancellationToken).ConfigureAwait(false);
        try
        {
            var (passed, detail) = expectation switch
            {
                "incident-live" => await IncidentLiveAsync(state, scenario, cancellationToken).ConfigureAwait(false),
                "solution-scores-full" => await SolutionAsync(state, scenario, cancellationToken).ConfigureAwait(false),
                "no-op-fixes-nothing" => await NoOpAsync(state, cancellationToken).ConfigureAwait(false),
                _ when expectation.StartsWith("trap:", StringComparison.Ordinal) =>
                    await TrapAsync(state, scenario, expectation["trap:".Length..], cancellationToken).ConfigureAwait(false),
                _ => throw new ArgumentException($"Unknown expectation '{expectation}'.", nameof(expectation)),
            };
            return new RideScenarioTestResult
            {
                ScenarioId = scenario.Id,
                Engine = state.Engine,
                Expectation = expectation,
                Passed = passed,
                Detail = detail,
                Duration = watch.Elapsed,
            };
        }
        finally
        {
            await SessionManager.StopAsync(state, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static IEnumerable<string> TrapFiles(RideScenario scenario)
    {
        var folder = Path.Combine(scenario.Path, "traps");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.sql").Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
    }

    private static async Task<(bool, string)> IncidentLiveAsync(SessionRecord state, RideScenario scenario, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var log = AppLog.Read(Common.RidePaths.SessionDirectory(state.SessionId));
        foreach (var actor in scenario.Definition.Actors.Where(a => a.Mode == "loop"))
        {
            if (!log.Any(e => e.Actor == actor.Name && e.Event == "request" && e.Time >= state.IncidentAt))
            {
                problems.Add($"actor {actor.Name} recorded no request after the incident");
            }
        }

        var score = await ScoreEvaluator.EvaluateAsync(state, scenario, cancellationToken).ConfigureAwait(false);
        var fixedAlready = score.Checks.Where(c => c.Category == CheckCategory.Fix && c.Passed).Select(c => c.Name).ToList();
        if (score.Fix == score.FixMax)
        {
            problems.Add("every Fix check already passes before any fix");
        }

        var errors = log.Count(e => !e.Ok && e.Time >= state.IncidentAt);
        var detail = problems.Count == 0
            ? $"actors live, {errors} failed request(s) since the incident, Fix {score.Fix}/{score.FixMax} before any fix"
            : string.Join("; ", problems) + (fixedAlready.Count > 0 ? $" (passing: {string.Join(", ", fixedAlready)})" : "");
        return (problems.Count == 0, detail);
    }

    private static async Task<(bool, string)> SolutionAsync(SessionRecord state, RideScenario scenario, CancellationToken cancellationToken)
    {
        var path = scenario.FilePath(scenario.Definition.Solution);
        var submission = await FixRunner.SubmitAsync(state, await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path, 60, cancellationToken)
            .ConfigureAwait(false);
        var score = submission.Score!;
        var missed = score.Checks.Where(c => !c.Passed).Select(c => $"{c.Category}/{c.Name} ({c.Evidence})").ToList();
        if (!submission.Succeeded)
        {
            return (false, $"solution.sql failed at line {submission.ErrorLine}: {submission.ErrorMessage}");
        }

        return score.Total == score.Max
            ? (true, $"{score.Total}/{score.Max}")
            : (false, $"{score.Total}/{score.Max}; missed: {string.Join("; ", missed)}");
    }

    private static async Task<(bool, string)> TrapAsync(SessionRecord state, RideScenario scenario, string trap, CancellationToken cancellationToken)
    {
        var path = Path.Combine(scenario.Path, "traps", trap + ".sql");
        var submission = await FixRunner.SubmitAsync(state, await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path, 60, cancellationToken)
            .ConfigureAwait(false);
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

    private static async Task<(bool, string)> NoOpAsync(SessionRecord state, CancellationToken cancellationToken)
    {
        var submission = await FixRunner.SubmitAsync(state, NoOpSql, null, 60, cancellationToken).ConfigureAwait(false);
        var score = submission.Score!;
        return score.Fix == 0
            ? (true, $"Fix 0/{score.FixMax}")
            : (false, $"Fix {score.Fix}/{score.FixMax} without a fix: {string.Join(", ", score.Checks.Where(c => c.Category == CheckCategory.Fix && c.Passed).Select(c => c.Name))}");
    }
}
