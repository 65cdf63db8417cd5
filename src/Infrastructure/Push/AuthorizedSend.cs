using Polly;

namespace PushTokenService.Infrastructure.Push;

/// <summary>One provider request that carries an access token the provider may reject as expired.</summary>
public interface IAuthorizedSend<TAnswer>
{
    ValueTask<TAnswer> SendAsync(CancellationToken cancellationToken);

    /// <summary>The access token <paramref name="answer"/> rejects as expired or revoked, or null.</summary>
    string? RejectedAccessToken(TAnswer answer);

    /// <summary>Replaces <paramref name="rejected"/> unless another send already did.</summary>
    Task RenewAccessTokenAsync(string rejected, CancellationToken cancellationToken);
}

public static class AuthorizedSend
{
    /// <summary>
    /// Sends under the retry rule; an answer that rejects the access token renews it and sends under the rule once more,
    /// so that a token the provider revoked early costs one request, never a loop.
    /// </summary>
    public static async Task<TAnswer> SendRenewingOnceAsync<TAnswer>(
        this ResiliencePipeline<TAnswer> retry, IAuthorizedSend<TAnswer> send, CancellationToken deadline)
    {
        var answer = await retry.ExecuteAsync(static (send, token) => send.SendAsync(token), send, deadline).ConfigureAwait(false);
        if (send.RejectedAccessToken(answer) is { } rejected)
        {
            await send.RenewAccessTokenAsync(rejected, deadline).ConfigureAwait(false);
            answer = await retry.ExecuteAsync(static (send, token) => send.SendAsync(token), send, deadline).ConfigureAwait(false);
        }

        return answer;
    }
}
