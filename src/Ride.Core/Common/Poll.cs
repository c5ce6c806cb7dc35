namespace Ride.Common;

/// <summary>One probe of a condition being waited for: whether it holds, and what was seen (for the timeout message).</summary>
public readonly record struct PollProbe<T>(bool Done, T Value, string Seen)
{
    public static PollProbe<T> Finished(T value, string seen = "") => new(true, value, seen);

    public static PollProbe<T> Waiting(T value, string seen) => new(false, value, seen);
}

/// <summary>What a poll that ran out of time was waiting for, and what it saw last.</summary>
public sealed record PollTimeout(string Awaited, TimeSpan Timeout, string LastSeen)
{
    public string Message =>
        $"Waited {Timeout.TotalSeconds:0.#} s for {Awaited}; last seen: {(LastSeen.Length > 0 ? LastSeen : "nothing")}.";
}

/// <summary>Thrown by a poll given no error of its own, for callers that need to do more (async) work before reporting.</summary>
public sealed class PollTimeoutException : TimeoutException
{
    public PollTimeoutException(PollTimeout timeout)
        : base(timeout.Message) => Timeout = timeout;

    public PollTimeout Timeout { get; }
}

/// <summary>
/// The one way Ride waits for something: a probe run at an interval until it reports done or the deadline
/// passes. The error on timeout is the caller's, and says what was awaited and what was last seen.
/// </summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(string awaited, TimeSpan timeout, TimeSpan interval,
        Func<CancellationToken, Task<PollProbe<T>>> probe, Func<PollTimeout, Exception> onTimeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var result = await probe(cancellationToken).ConfigureAwait(false);
            if (result.Done)
            {
                return result.Value;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw onTimeout(new PollTimeout(awaited, timeout, result.Seen));
            }

            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Throws <see cref="PollTimeoutException"/> on timeout.</summary>
    public static Task<T> UntilAsync<T>(string awaited, TimeSpan timeout, TimeSpan interval,
        Func<CancellationToken, Task<PollProbe<T>>> probe, CancellationToken cancellationToken) =>
        UntilAsync(awaited, timeout, interval, probe, t => new PollTimeoutException(t), cancellationToken);

    /// <summary>For a probe that needs no I/O; throws <see cref="PollTimeoutException"/> on timeout.</summary>
    public static Task<T> UntilAsync<T>(string awaited, TimeSpan timeout, TimeSpan interval, Func<PollProbe<T>> probe, CancellationToken cancellationToken) =>
        UntilAsync(awaited, timeout, interval, _ => Task.FromResult(probe()), t => new PollTimeoutException(t), cancellationToken);

    /// <summary>For a probe that needs no I/O.</summary>
    public static Task<T> UntilAsync<T>(string awaited, TimeSpan timeout, TimeSpan interval,
        Func<PollProbe<T>> probe, Func<PollTimeout, Exception> onTimeout, CancellationToken cancellationToken) =>
        UntilAsync(awaited, timeout, interval, _ => Task.FromResult(probe()), onTimeout, cancellationToken);
}
