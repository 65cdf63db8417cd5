using System.Net;
using Polly;
using Polly.Retry;

namespace PushTokenService.Infrastructure.Push;

/// <summary>
/// The one retry rule of every push channel (API.md section 10.3): a transient answer (429, 500, 503, or a provider's own
/// "busy" code) or a connection failure is tried again with exponential backoff and jitter, after the provider's
/// <c>Retry-After</c> when it gives one, until the send's deadline cancels the wait.
/// </summary>
public static class ProviderRetry
{
    /// <summary>The first backoff; each later one doubles, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>Whether an HTTP status is one the contract retries.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable;

    /// <summary>The wait an answer asks for in its <c>Retry-After</c> header (seconds or an HTTP date), if any.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null;
    }

    /// <summary>
    /// A pipeline that retries while <paramref name="isTransient"/> says so (connection failures always count) and waits
    /// <paramref name="retryAfter"/>'s answer when it has one. It retries without a count limit: the caller's deadline
    /// token ends it, and the caller turns that into the outcome <c>deadline</c>.
    /// </summary>
    public static ResiliencePipeline<TAnswer> Create<TAnswer>(
        Func<TAnswer, bool> isTransient,
        Func<TAnswer, TimeSpan?> retryAfter,
        TimeProvider clock) =>
        new ResiliencePipelineBuilder<TAnswer> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<TAnswer>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException } => true,
                    { Exception: null, Result: { } answer } => isTransient(answer),
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } answer ? retryAfter(answer) : null),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstDelay,
                MaxDelay = MaxDelay,
                MaxRetryAttempts = int.MaxValue,
            })
            .Build();
}
