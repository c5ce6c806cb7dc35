using System.Collections.Concurrent;
using System.Globalization;
using System.Management.Automation;
using Ride.Common;
using Ride.Engines;
using Ride.Evidence;
using Ride.Sessions;

namespace Ride.Cmdlets;

/// <summary>
/// Shared plumbing: the core built from this process's environment, a cancellation token cancelled by Ctrl+C, async
/// core calls run to completion while progress is written on the pipeline thread, and RideExceptions turned into
/// ErrorRecords with their stable ids.
/// </summary>
public abstract class RideCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private static int _nextActivityId = 1;
    private RideContext? _context;

    protected CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>The core, with the options read from the environment once per command.</summary>
    protected RideContext Context => _context ??= RideContext.FromEnvironment();

    protected override void StopProcessing() => _cancellation.Cancel();

    public void Dispose()
    {
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs core work and waits for it, writing its progress reports as they arrive. The bar is always completed.</summary>
    protected T Run<T>(string activity, Func<IProgress<SandboxProgress>, CancellationToken, Task<T>> work)
    {
        var reports = new BlockingCollection<SandboxProgress>();
        var progress = new QueueProgress(reports);
        var task = Task.Run(async () =>
        {
            try
            {
                return await work(progress, _cancellation.Token).ConfigureAwait(false);
            }
            finally
            {
                reports.CompleteAdding();
            }
        });

        var activityId = Interlocked.Increment(ref _nextActivityId);
        var shown = false;
        try
        {
            foreach (var report in reports.GetConsumingEnumerable())
            {
                shown = true;
                WriteProgress(new ProgressRecord(activityId, activity, report.Status) { PercentComplete = Math.Clamp(report.PercentComplete, 0, 100) });
            }
        }
        finally
        {
            if (shown)
            {
                WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (Npgsql.PostgresException ex)
        {
            throw new RideException("PostgresError", RideErrorCategory.InvalidOperation,
                $"The sandbox's PostgreSQL server refused a request: {ex.SqlState} {ex.MessageText}", ex.SqlState, ex);
        }
        catch (Npgsql.NpgsqlException ex)
        {
            throw new RideException("ServerUnreachable", RideErrorCategory.ConnectionError,
                $"Could not talk to the sandbox's PostgreSQL server: {ex.Message} Get-RideSession shows whether the session is still running.", null, ex);
        }
    }

    protected T Run<T>(Func<CancellationToken, Task<T>> work) => Run("Ride", (_, token) => work(token));

    protected void Run(Func<CancellationToken, Task> work) => Run<bool>(async token =>
    {
        await work(token).ConfigureAwait(false);
        return true;
    });

    protected static ErrorRecord ToErrorRecord(RideException ex) =>
        new(ex, ex.ErrorId, Enum.TryParse<ErrorCategory>(ex.Category.ToString(), out var category) ? category : ErrorCategory.NotSpecified, ex.Target);

    protected void ThrowRide(RideException ex) => ThrowTerminatingError(ToErrorRecord(ex));

    /// <summary>Runs a command body, turning RideExceptions into terminating errors with their ids.</summary>
    protected void Guarded(Action body)
    {
        try
        {
            body();
        }
        catch (RideException ex)
        {
            ThrowRide(ex);
        }
    }

    /// <summary>Resolves the session a command acts on and runs the body with it; a RideException ends the command with its id.</summary>
    protected void ForSession(SessionArgument? argument, Action<SessionRecord> body) => Guarded(() => body(ResolveSession(argument)));

    /// <summary>The session a command acts on: the one named, else the single live one.</summary>
    protected SessionRecord ResolveSession(SessionArgument? argument)
    {
        if (argument is not null)
        {
            return Context.Sessions.Load(argument.Id);
        }

        var all = Context.Sessions.LoadAll().Where(s => s.Status != SessionStatus.Starting).ToList();
        if (all.Count == 1)
        {
            return all[0];
        }

        if (all.Count == 0)
        {
            throw new RideException("NoSession", RideErrorCategory.ObjectNotFound,
                "No Ride session is running. Start one with Start-RideScenario <id> (Get-RideScenario lists them).", null);
        }

        var health = new SessionHealth(Context);
        var live = all.Where(s => Run(token => health.StatusAsync(s, token)) == SessionStatus.Running).ToList();
        if (live.Count == 1)
        {
            return live[0];
        }

        throw new RideException("SessionAmbiguous", RideErrorCategory.InvalidArgument,
            "Several Ride sessions are live; say which with -Session: "
            + string.Join(", ", all.Select(s => $"{s.SessionId} ({s.ScenarioId})")) + ".", null);
    }

    /// <summary>Records in the session's evidence log that this command was used, with its parameters (Detect evidence).</summary>
    protected void RecordCommandUse(SessionRecord state)
    {
        var arguments = MyInvocation.BoundParameters
            .Where(p => p.Key != "Session")
            .ToDictionary(p => p.Key, p => Describe(p.Value));
        Run(token => Context.EvidenceOf(state.SessionId).AppendAsync(EvidenceKinds.Command, MyInvocation.MyCommand.Name, state.Resets, token, arguments));
    }

    private static string Describe(object? value) => value switch
    {
        null => "",
        string text => text,
        System.Collections.IEnumerable list => string.Join(",", list.Cast<object?>().Select(Describe)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private sealed class QueueProgress : IProgress<SandboxProgress>
    {
        private readonly BlockingCollection<SandboxProgress> _queue;

        public QueueProgress(BlockingCollection<SandboxProgress> queue) => _queue = queue;

        public void Report(SandboxProgress value)
        {
            if (!_queue.IsAddingCompleted)
            {
                _queue.TryAdd(value);
            }
        }
    }
}
